export * from './api-credentials';
export * from './api-models';
export * from './gateway-client';
export * from './lifecycle-events';
export * from './openapi';
export * from './server-api.errors';
export * from './server-api.module';
export * from './gateway-client.module';

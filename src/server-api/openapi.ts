import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiCredentials } from './api-credentials';
import { ServerApiModule } from './server-api.module';

/** Path of the OpenAPI page; the JSON document is at `<path>-json`. */
export const OPENAPI_PATH = 'api/docs';

/**
 * Serves the server API's OpenAPI document (generated from the controllers' decorators) at
 * `/api/docs` and `/api/docs-json`, only while the API is on: with it off, `/api` is all 404.
 */
export function setupOpenApi(app: INestApplication): void {
  if (!app.get(ApiCredentials).enabled('api')) return;
  const config = new DocumentBuilder()
    .setTitle('Game gateway server API')
    .setDescription('For backend services: publish to rooms and players, kick, close rooms, list rooms, presence, history. Send "Authorization: Bearer <SERVER_API_KEY>".')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup(OPENAPI_PATH, app, () => SwaggerModule.createDocument(app, config, { include: [ServerApiModule] }), { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
}

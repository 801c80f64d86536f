import 'reflect-metadata';
import { announceReady, createGatewayApp } from './bootstrap';
import { serverConfig } from './config';

async function main(): Promise<void> {
  const app = await createGatewayApp();
  await app.listen(app.get(serverConfig.KEY).port);
  announceReady(app);
}

main().catch((error: Error) => {
  // Configuration errors name the variable and the fix: one line, no stack.
  console.error(error.name === 'ConfigValidationError' ? error.message : error.stack);
  process.exit(1);
});

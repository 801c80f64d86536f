import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createGatewayApp } from './bootstrap';
import { serverConfig } from './config';

async function main(): Promise<void> {
  const app = await createGatewayApp();
  const { port } = app.get(serverConfig.KEY);
  await app.listen(port);
  new Logger('Gateway').log(`listening on ${await app.getUrl()} (WebSocket at /ws)`);
}

main().catch((error: Error) => {
  // Configuration errors name the variable; print them without a stack.
  console.error(error.name === 'ConfigValidationError' ? error.message : error.stack);
  process.exit(1);
});

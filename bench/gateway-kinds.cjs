// The gateway (dist/, after `npm run build`) plus benchmark-only room kinds, started like
// dist/main.js (PORT, TICK_RATE, … from the environment). Nothing here ships: the kinds exist
// so that a benchmark can compare a shipped kind with a variant of it.
//   world-flat  the world kind (src/games/world) with interest management switched off: the same
//               logic, state and creation options, every member gets the whole room every tick.
// Used by bench/servers.mjs as the server `gateway-kinds` (bench/run.mjs --scenario world).
require('reflect-metadata');
const { Module } = require('@nestjs/common');
const { createGatewayApp, announceReady } = require('../dist/bootstrap');
const { serverConfig } = require('../dist/config');
const { GameRoomKind } = require('../dist/game-api');
const { WorldLogic } = require('../dist/games/world/world.logic');

const worldOptions = Reflect.getMetadata('GAME:ROOM_KIND', WorldLogic).options;
const { interest, ...flat } = worldOptions;

class WorldFlatLogic extends WorldLogic {}
GameRoomKind('world-flat', flat)(WorldFlatLogic);
class BenchKindsModule {}
Module({ providers: [WorldFlatLogic] })(BenchKindsModule);

createGatewayApp({ modules: [BenchKindsModule] })
  .then(async (app) => {
    await app.listen(app.get(serverConfig.KEY).port);
    announceReady(app);
  })
  .catch((error) => {
    console.error(error.stack ?? error);
    process.exit(1);
  });

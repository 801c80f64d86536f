import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { authConfig } from './auth.config';
import { busConfig } from './bus.config';
import { clusterConfig } from './cluster.config';
import { connectionConfig } from './connection.config';
import { historyConfig } from './history.config';
import { limitsConfig } from './limits.config';
import { matchmakingConfig } from './matchmaking.config';
import { roomsConfig } from './rooms.config';
import { serverApiConfig } from './server-api.config';
import { serverConfig } from './server.config';
import { sessionConfig } from './session.config';

const CORE_NAMESPACES = [
  serverConfig,
  roomsConfig,
  connectionConfig,
  sessionConfig,
  busConfig,
  historyConfig,
  limitsConfig,
  authConfig,
  clusterConfig,
  serverApiConfig,
  matchmakingConfig,
];

/** Loads and validates every core config namespace once, at boot. Games add theirs with `ConfigModule.forFeature`. */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: CORE_NAMESPACES, cache: true })],
  exports: [ConfigModule],
})
export class GatewayConfigModule {}

/** DI token of the `RedisConnections` built from REDIS_URL (present only when bridged). */
export const REDIS_CONNECTIONS = Symbol('GAME:REDIS_CONNECTIONS');

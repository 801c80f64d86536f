/** DI token of this process's instance id (in every log line; the cluster layer may provide its own). */
export const INSTANCE_ID = Symbol('GAME:INSTANCE_ID');
/** DI token of the root pino logger every Nest `Logger` writes through. */
export const ROOT_LOGGER = Symbol('GAME:ROOT_LOGGER');

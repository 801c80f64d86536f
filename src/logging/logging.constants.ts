export { INSTANCE_ID } from '../common';
/** DI token of the root pino logger every Nest `Logger` writes through. */
export const ROOT_LOGGER = Symbol('GAME:ROOT_LOGGER');

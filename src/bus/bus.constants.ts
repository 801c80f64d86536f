/** This instance's id (provided by the logging module): stamped as `origin` on everything it publishes. */
export { INSTANCE_ID } from '../common';
/** DI token of the `ClientProxy` that emits microservice events on the bus. */
export const BUS_CLIENT = Symbol('GAME:BUS_CLIENT');

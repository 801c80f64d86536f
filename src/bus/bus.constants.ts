/** DI token of this instance's id: stamped as `origin` on everything it publishes. */
export const INSTANCE_ID = Symbol('GAME:INSTANCE_ID');
/** DI token of the `ClientProxy` that emits microservice events on the bus. */
export const BUS_CLIENT = Symbol('GAME:BUS_CLIENT');

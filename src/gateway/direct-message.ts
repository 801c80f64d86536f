import { SetMetadata } from '@nestjs/common';
import { GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA } from '@nestjs/common/constants';
import { MESSAGE_METADATA, PARAM_ARGS_METADATA } from '@nestjs/websockets/constants';
import type { GameSocket } from '../connection';
import type { ClientMessage } from '../protocol';

const DIRECT_MESSAGE = 'game:direct-message';

/** Nest's parameter types for `@ConnectedSocket()` and `@MessageBody()` (`WsParamtype`). */
const SOCKET_PARAM = '0:0';
const BODY_PARAM = '3:1';

interface ParamMetadata {
  data?: unknown;
  pipes?: unknown[];
}

/** A handler the dispatcher calls itself, synchronously, with the socket and the whole message. */
export interface DirectRoute {
  readonly direct: (socket: GameSocket, message: ClientMessage) => unknown;
}

/**
 * Marks a `@SubscribeMessage` handler of a message clients send at their input rate (10–60 a
 * second each): the dispatcher calls it directly instead of through Nest's per-call pipeline,
 * which costs about eight promises and a dozen closures a message and showed as the largest part
 * of the gateway's inbound CPU beyond decoding (BENCHMARKS.md, "Direct handlers").
 *
 * What the handler gives up, checked at start-up so it cannot happen by accident: guards,
 * interceptors and pipes (a kind's action table validates actions instead). Its parameters must be
 * exactly `(@ConnectedSocket() socket, @MessageBody() message)`. What it keeps: arrival order,
 * de-duplication and acks (`MessageDispatcher`), and errors turned into `error` frames by
 * `GameExceptionFilter`, as for every other handler.
 */
export const DirectMessage = (): MethodDecorator => SetMetadata(DIRECT_MESSAGE, true);

/** The direct routes of a gateway, by message type; throws when a marked handler breaks the rules above. */
export function directRoutes(gateway: object): Map<string, DirectRoute> {
  const routes = new Map<string, DirectRoute>();
  const prototype = Object.getPrototypeOf(gateway) as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const method = prototype[name];
    if (typeof method !== 'function' || !Reflect.getMetadata(DIRECT_MESSAGE, method)) continue;
    const where = `${gateway.constructor.name}.${name}`;
    const type = Reflect.getMetadata(MESSAGE_METADATA, method) as string | undefined;
    if (!type) throw new Error(`@DirectMessage() on ${where} needs @SubscribeMessage()`);
    for (const key of [GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA]) {
      if (Reflect.getMetadata(key, method)?.length || Reflect.getMetadata(key, gateway.constructor)?.length) {
        throw new Error(`@DirectMessage() on ${where}: a direct handler runs without Nest's ${key} enhancers; remove them or the decorator`);
      }
    }
    const params = (Reflect.getMetadata(PARAM_ARGS_METADATA, gateway.constructor, name) ?? {}) as Record<string, ParamMetadata>;
    const keys = Object.keys(params).sort();
    const plain = Object.values(params).every((param) => param.data === undefined && !param.pipes?.length);
    if (keys.join() !== [SOCKET_PARAM, BODY_PARAM].join() || !plain) {
      throw new Error(`@DirectMessage() on ${where}: its parameters must be (@ConnectedSocket() socket, @MessageBody() message)`);
    }
    const handler = method as (socket: GameSocket, message: ClientMessage) => unknown;
    routes.set(type, { direct: (socket, message) => handler.call(gateway, socket, message) });
  }
  return routes;
}

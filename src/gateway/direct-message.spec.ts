import { UseGuards, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage } from '@nestjs/websockets';
import type { GameSocket } from '../connection';
import type { ClientMessage } from '../protocol';
import { DirectMessage, directRoutes } from './direct-message';

const allow = { canActivate: () => true };
const socket = {} as GameSocket;
const message = { type: 'game_action', payload: { room_id: 'r', action: 'move' } } as ClientMessage;

describe(directRoutes.name, () => {
  it('should route a marked handler by its message type and call it on its gateway', () => {
    class Gateway {
      readonly seen: unknown[] = [];
      @SubscribeMessage('game_action')
      @DirectMessage()
      action(@ConnectedSocket() s: GameSocket, @MessageBody() m: ClientMessage) {
        this.seen.push(s, m);
        return 'done';
      }
      @SubscribeMessage('chat')
      chat() {}
    }
    const gateway = new Gateway();
    const routes = directRoutes(gateway);
    expect([...routes.keys()]).toEqual(['game_action']);
    expect(routes.get('game_action')!.direct(socket, message)).toBe('done');
    expect(gateway.seen).toEqual([socket, message]);
  });

  it('should refuse a direct handler with guards, since they would not run', () => {
    class Gateway {
      @SubscribeMessage('game_action')
      @DirectMessage()
      @UseGuards(allow)
      action(@ConnectedSocket() _s: GameSocket, @MessageBody() _m: ClientMessage) {}
    }
    expect(() => directRoutes(new Gateway())).toThrow(/Gateway\.action.*__guards__/);
  });

  it('should refuse a direct handler on a gateway with class-level pipes', () => {
    @UsePipes({ transform: (v: unknown) => v })
    class Gateway {
      @SubscribeMessage('game_action')
      @DirectMessage()
      action(@ConnectedSocket() _s: GameSocket, @MessageBody() _m: ClientMessage) {}
    }
    expect(() => directRoutes(new Gateway())).toThrow(/__pipes__/);
  });

  it('should refuse a direct handler that takes a property of the body instead of the message', () => {
    class Gateway {
      @SubscribeMessage('game_action')
      @DirectMessage()
      action(@ConnectedSocket() _s: GameSocket, @MessageBody('payload') _p: unknown) {}
    }
    expect(() => directRoutes(new Gateway())).toThrow(/parameters must be/);
  });

  it('should refuse a direct handler without the socket parameter', () => {
    class Gateway {
      @SubscribeMessage('game_action')
      @DirectMessage()
      action(@MessageBody() _m: ClientMessage) {}
    }
    expect(() => directRoutes(new Gateway())).toThrow(/parameters must be/);
  });

  it('should refuse @DirectMessage() without @SubscribeMessage()', () => {
    class Gateway {
      @DirectMessage()
      action(@ConnectedSocket() _s: GameSocket, @MessageBody() _m: ClientMessage) {}
    }
    expect(() => directRoutes(new Gateway())).toThrow(/needs @SubscribeMessage/);
  });
});

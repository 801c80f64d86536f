import { Logger } from '@nestjs/common';
import type { BusTopic } from './bus-topic';
import { LocalHandlers } from './local-handlers';

describe(LocalHandlers.name, () => {
  const topic = (name: string) => ({ name, encode: () => new Uint8Array(), decode: () => ({}) }) as BusTopic<unknown>;
  const pong = topic('pong');
  const message = { t: 1 };
  let handlers: LocalHandlers;

  beforeEach(() => {
    handlers = new LocalHandlers({ error: jest.fn() } as unknown as Logger);
  });

  describe('add', () => {
    it('should report the first handler of a channel and the removal of its last', () => {
      const events: string[] = [];
      const first = handlers.add('c', pong, () => undefined, () => events.push('first'), () => events.push('last'));
      const second = handlers.add('c', pong, () => undefined, () => events.push('first'), () => events.push('last'));
      first();
      expect(events).toEqual(['first']);
      second();
      expect(events).toEqual(['first', 'last']);
      expect(handlers.channelCount).toBe(0);
    });

    it('should ignore a second call of the same remover', () => {
      const events: string[] = [];
      const first = handlers.add('c', pong, () => undefined, undefined, () => events.push('last'));
      handlers.add('c', pong, () => undefined);
      first();
      first();
      expect(events).toEqual([]);
      expect(handlers.channelCount).toBe(1);
    });
  });

  describe('deliver', () => {
    it('should call every handler of the channel even when one throws, and count the failure', () => {
      const got: string[] = [];
      handlers.add('c', pong, () => got.push('a'));
      handlers.add('c', pong, () => {
        throw new Error('boom');
      });
      handlers.add('c', pong, () => got.push('c'));
      handlers.add('other', pong, () => got.push('other'));
      expect(handlers.deliver('c', 'pong', message, 'me')).toBe(1);
      expect(got).toEqual(['a', 'c']);
    });

    it('should call only the handlers of the message topic, with the origin', () => {
      const got: [string, string][] = [];
      handlers.add('c', pong, (_m, origin) => got.push(['pong', origin]));
      handlers.add('c', topic('ping'), (_m, origin) => got.push(['ping', origin]));
      handlers.deliver('c', 'ping', message, 'other-instance');
      expect(got).toEqual([['ping', 'other-instance']]);
      expect(handlers.topic('c', 'pong')).toBe(pong);
    });
  });
});

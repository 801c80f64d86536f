import { Logger } from '@nestjs/common';
import { MessageType, serverMessage } from '../protocol';
import type { BusMessage } from './bus-message';
import { LocalHandlers } from './local-handlers';

describe(LocalHandlers.name, () => {
  const message: BusMessage = { kind: 'room', roomId: 'r', message: serverMessage(MessageType.Pong, { t: 1 }) };
  let handlers: LocalHandlers;

  beforeEach(() => {
    handlers = new LocalHandlers({ error: jest.fn() } as unknown as Logger);
  });

  describe('add', () => {
    it('should report the first handler of a channel and the removal of its last', () => {
      const events: string[] = [];
      const first = handlers.add('c', () => undefined, () => events.push('first'), () => events.push('last'));
      const second = handlers.add('c', () => undefined, () => events.push('first'), () => events.push('last'));
      first();
      expect(events).toEqual(['first']);
      second();
      expect(events).toEqual(['first', 'last']);
      expect(handlers.channelCount).toBe(0);
    });
  });

  describe('deliver', () => {
    it('should call every handler of the channel even when one throws, and count the failure', () => {
      const got: string[] = [];
      handlers.add('c', () => got.push('a'));
      handlers.add('c', () => {
        throw new Error('boom');
      });
      handlers.add('c', () => got.push('c'));
      handlers.add('other', () => got.push('other'));
      expect(handlers.deliver('c', message)).toBe(1);
      expect(got).toEqual(['a', 'c']);
    });
  });
});

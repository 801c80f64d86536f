import { firstValueFrom } from 'rxjs';
import { BusEventClient } from './bus-event.client';
import { BusEventTransport } from './bus-event.transport';
import { InMemoryBus } from './in-memory.bus';

describe(BusEventTransport.name, () => {
  describe('listen', () => {
    it('should hand an emitted event to its @EventPattern handler and ignore other patterns', async () => {
      const bus = new InMemoryBus();
      const transport = new BusEventTransport(bus);
      const ended: unknown[] = [];
      const started: unknown[] = [];
      transport.addHandler('match.ended', async (data: unknown) => void ended.push(data), true);
      transport.addHandler('match.started', async (data: unknown) => void started.push(data), true);
      transport.listen(() => undefined);

      await firstValueFrom(new BusEventClient(bus).emit('match.ended', { roomId: 'r1' }), { defaultValue: undefined });

      expect(ended).toEqual([{ roomId: 'r1' }]);
      expect(started).toEqual([]);
      transport.close();
      expect(bus.channelCount()).toBe(0);
    });
  });

  describe(BusEventClient.name, () => {
    it('should refuse request-response with an error that names emit()', async () => {
      const client = new BusEventClient(new InMemoryBus());
      await expect(firstValueFrom(client.send('sum', [1, 2]))).rejects.toMatch(/use emit\(\)/);
    });
  });
});

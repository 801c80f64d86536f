import { MessageType, serverMessage } from '../protocol';
import { InMemoryDirectLog } from './in-memory.direct-log';

describe(InMemoryDirectLog, () => {
  const dm = (text: string) => serverMessage(MessageType.Chat, { text, from_client_id: 'x', player_id: 'x', to_client_id: 'c1' });

  it('should number messages per client and replay those after a seq', async () => {
    const log = new InMemoryDirectLog({ directBufferSize: 10 } as never);
    await log.open('c1');
    expect(await log.append('c1', dm('a'))).toBe(1);
    expect(await log.append('c1', dm('b'))).toBe(2);
    const read = await log.readSince('c1', 1);
    expect(read).toEqual({ recovered: true, messages: [expect.objectContaining({ seq: 2 })] });
  });

  it('should refuse to buffer for a client without an open log', async () => {
    const log = new InMemoryDirectLog({ directBufferSize: 10 } as never);
    expect(await log.append('nobody', dm('a'))).toBeUndefined();
  });

  it('should say recovered: false once messages after the seq were evicted', async () => {
    const log = new InMemoryDirectLog({ directBufferSize: 2 } as never);
    await log.open('c1');
    for (const text of ['a', 'b', 'c']) await log.append('c1', dm(text));
    const read = await log.readSince('c1', 0);
    expect(read.recovered).toBe(false);
    expect(read.messages.map((m) => m.seq)).toEqual([2, 3]);
    expect((await log.readSince('c1', 1)).recovered).toBe(true);
  });
});

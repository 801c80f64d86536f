import { useGateway } from '../support/gateway';
import { useClients } from '../support/test-client';

/**
 * What a chat text may contain (docs/protocol.md, `chat`): up to CHAT_MAX_LENGTH characters, no
 * control characters except newline. A refused text reaches nobody, in either codec.
 */
describe.each(['json', 'proto'] as const)('chat text over %s', (codec) => {
  const gateway = useGateway({ CHAT_MAX_LENGTH: '40' });
  const { connect } = useClients(() => gateway.wsUrl, { codec });

  let rooms = 0;
  async function pairInRoom(prefix: string) {
    const roomId = `${prefix}-${codec}-${(rooms += 1)}`;
    const { client: sender } = await connect();
    const { client: listener } = await connect();
    for (const client of [sender, listener]) {
      client.send('join_room', { room_id: roomId });
      await client.next('room_joined');
    }
    return { sender, listener };
  }

  it.each([
    ['a bell (U+0007)', 'ding\u0007'],
    ['an escape sequence (ESC [2J clears a terminal)', 'hi \u001b[2J'],
    ['a carriage return', 'one\rtwo'],
    ['a NUL', 'a\u0000b'],
    ['DEL', 'a\u007fb'],
    ['a C1 control (U+009B, CSI)', 'a\u009b2J'],
  ])('should refuse a text with %s with INVALID_PAYLOAD and deliver nothing', async (_name, text) => {
    const { sender, listener } = await pairInRoom('ctl');
    sender.send('chat', { text }, 'c1');
    const error = await sender.next('error');
    expect(error.payload).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', ref_id: 'c1' }));
    expect(error.payload.message).toMatch(/control characters other than newline/);
    await listener.barrier();
    expect(listener.received('chat')).toEqual([]);
  });

  it('should deliver a multi-line text with its newlines', async () => {
    const { sender, listener } = await pairInRoom('nl');
    sender.send('chat', { text: 'line one\nline two' });
    expect((await listener.next('chat')).payload.text).toBe('line one\nline two');
  });

  it('should name the configured CHAT_MAX_LENGTH, not another limit, when a text is too long or empty', async () => {
    const { sender } = await pairInRoom('len');
    sender.send('chat', { text: 'x'.repeat(41) }, 'long');
    expect((await sender.next('error', (e) => e.payload.ref_id === 'long')).payload.message).toMatch(/1-40 characters/);
    // protobuf cannot tell an empty string from an absent field: both are "text is missing".
    sender.send('chat', { text: '' }, 'empty');
    expect((await sender.next('error', (e) => e.payload.ref_id === 'empty')).payload.message).toMatch(/text must/);
  });
});

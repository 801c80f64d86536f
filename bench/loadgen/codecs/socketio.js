// @ts-check
'use strict';
// Socket.IO v5 / Engine.IO v4 text framing spoken directly over `ws` (for the Socket.IO baseline
// of the benchmark suite): "0{…}" engine open, "2"/"3" ping/pong, "40" namespace connect,
// "42[event, payload]" events. No acks, offsets or resume: a baseline speaks the contract's subset.

module.exports = {
  name: 'sio',
  /** @returns {import('./index').LoadCodec} */
  create() {
    const { syncState } = require('./index');
    return {
      name: 'sio',
      subprotocols: [],
      gatewayProtocol: false,
      encode: (type, payload) => '42' + JSON.stringify([type, payload]),
      decode(data) {
        const s = data.toString();
        if (s === '2') return [{ type: 'transport', payload: { ping: true, reply: '3' } }];
        if (s[0] === '0') return [{ type: 'transport', payload: { reply: '40' } }];
        if (!s.startsWith('42')) return [{ type: 'transport', payload: {} }];
        const [type, payload] = JSON.parse(s.slice(2));
        return [{ type, payload: payload ?? {}, roomId: payload?.room_id }];
      },
      state: syncState,
    };
  },
};

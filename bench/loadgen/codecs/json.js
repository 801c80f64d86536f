// @ts-check
'use strict';
// `game.v1.json`: one JSON envelope per text frame (`batch` frames unpacked).

/** @typedef {import('./index').WireMessage} WireMessage */

/** @param {any} e @returns {WireMessage} */
const fromEnvelope = (e) => ({ type: e.type, payload: e.payload ?? {}, roomId: e.room_id, offset: e.offset, seq: e.seq });

module.exports = {
  name: 'json',
  /** @returns {import('./index').LoadCodec} */
  create() {
    const { syncState } = require('./index');
    return {
      name: 'json',
      subprotocols: ['game.v1.json'],
      gatewayProtocol: true,
      encode: (type, payload, id) => JSON.stringify(id ? { type, payload, id } : { type, payload }),
      decode(data) {
        const e = JSON.parse(data.toString());
        if (e.type === 'batch') return e.payload.messages.map(fromEnvelope);
        return [fromEnvelope(e)];
      },
      state: syncState,
    };
  },
};

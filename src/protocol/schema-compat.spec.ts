import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as protobuf from 'protobufjs';

const ROOT = join(__dirname, '../..');

/** The original design's schema, field by field: name → number. These must never change. */
const ORIGINAL_FIELDS: Record<string, Record<string, number>> = {
  Message: { type: 1, from_client_id: 2, to_client_id: 3, room_id: 4, payload: 5, timestamp: 6 },
  JoinRoomRequest: { room_id: 1, user_id: 2, nickname: 3 },
  GameAction: { action: 1, position: 2, target_id: 3, params: 4 },
  Position: { x: 1, y: 2, z: 3 },
  StateSync: { frame_num: 1, players: 2, timestamp: 3 },
  PlayerState: { player_id: 1, position: 2, velocity: 3, health: 4, score: 5 },
  Velocity: { x: 1, y: 2, z: 3 },
};
const ORIGINAL_ENUM = { UNKNOWN: 0, JOIN_ROOM: 1, LEAVE_ROOM: 2, GAME_ACTION: 3, SYNC: 4, CHAT: 5 };

describe('proto/game.proto', () => {
  const root = new protobuf.Root().loadSync(join(ROOT, 'proto/game.proto'), { keepCase: true });

  it('should keep every original message, field name and field number', () => {
    for (const [message, fields] of Object.entries(ORIGINAL_FIELDS)) {
      const type = root.lookupType(`gameproto.${message}`);
      for (const [name, id] of Object.entries(fields)) expect([message, name, type.fields[name]?.id]).toEqual([message, name, id]);
    }
  });

  it('should keep the original MessageType values', () => {
    const values = root.lookupEnum('gameproto.MessageType').values;
    expect(values).toEqual(expect.objectContaining(ORIGINAL_ENUM));
  });

  it('should have committed generated code that matches the schema (npm run proto:gen)', () => {
    const out = mkdtempSync(join(tmpdir(), 'proto-check-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/generate-proto.js'), out], { stdio: 'pipe' });
      for (const file of ['game.js', 'game.d.ts']) {
        const fresh = readFileSync(join(out, file), 'utf8');
        const committed = readFileSync(join(ROOT, 'src/protocol/generated', file), 'utf8');
        expect([file, fresh === committed]).toEqual([file, true]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { propDescriptor } from '../testing/server-state';

// The generator is a plain CommonJS script (it runs without a build, and as the package's bin).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { kindTypes } = require('../../scripts/kind-types.cjs') as { kindTypes: (descriptor: unknown, options?: { name?: string }) => string };
const SCRIPT = path.resolve(__dirname, '../../scripts/kind-types.cjs');
const SDK = path.resolve(__dirname, '../index.js');
/** This repository's kinds: their descriptors (the gateway's `npm run schemas`) and their committed types. */
const SCHEMAS = path.resolve(__dirname, '../../../docs/schemas');
const KINDS = path.resolve(__dirname, '../../kinds');

/**
 * What a TypeScript game writes with a generated declaration, compiled against the SDK's sources:
 * everything the kind declares is accepted with its exact types, and every `@ts-expect-error` line
 * must be an error (an unused one is an error too, so a type too loose fails the compile).
 */
const USAGE = `
import { createInterpolator, type GameClient } from '${SDK}';
import type { PropFlag, PropPlayer, PropRoom } from './prop.js';

export async function play(client: GameClient): Promise<void> {
  const room = await client.join<PropRoom>('r');
  room.onAdd('player', (p) => {
    const fields: [number, number, boolean, string, readonly number[], Readonly<Record<string, number>>, number, 'player'] = [p.x, p.hp, p.alive, p.name, p.items, p.stats, p.id, p.type];
    return fields;
  });
  room.onAdd('flag', (f) => [f.home, f.labels, f.tags] satisfies [boolean, Readonly<Record<string, string>>, readonly string[]]);
  // @ts-expect-error: no entity type "ghost"
  room.onAdd('ghost', () => undefined);
  // @ts-expect-error: a flag has no "hp"
  room.onAdd('flag', (f) => f.hp);
  room.onRemove('probe', (p) => p.a satisfies number);
  room.onChange('player', (p, fields) => [p.hp, fields] satisfies [number, readonly ('x' | 'y' | 'hp' | 'alive' | 'name' | 'items' | 'stats')[]]);
  room.onChange('room', (r, fields) => [r.phase, fields] satisfies ['warmup' | 'play' | 'over', readonly ('phase' | 'timeLeft' | 'title')[]]);
  room.listen('room', 'phase', (phase, previous) => [phase, previous] satisfies ['warmup' | 'play' | 'over', 'warmup' | 'play' | 'over' | undefined]);
  // @ts-expect-error: the room has no field "score" (and "secret" is server-side: not in the descriptor)
  room.listen('room', 'secret', () => undefined);
  const me = room.myEntity;
  if (me?.type === 'player') {
    room.listen(me, 'hp', (hp) => hp satisfies number);
    // @ts-expect-error: a player has no "carrier"
    room.listen(me, 'carrier', () => undefined);
  }
  const flags: PropFlag[] = [...room.state.ofType('flag')];
  const players: PropPlayer[] = [...room.state.ofType('player')];
  const phase: 'warmup' | 'play' | 'over' = room.state.room.phase;
  // @ts-expect-error: the state's room fields are read-only
  room.state.room.phase = 'play';
  room.onEvent('flag_taken', (data) => [data.by, data.team] satisfies [number, 'red' | 'blue']);
  room.onEvent('round_over', (data) => data.score satisfies readonly number[]);
  // @ts-expect-error: no event "goal"
  room.onEvent('goal', () => undefined);
  await room.send('move', { position: { x: 1, y: 2, z: 0 }, input_seq: 3 });
  await room.send('attack', { target_id: 4 }, { timeoutMs: 100 });
  await room.send('emote', { params: { name: 'wave' } });
  await room.send('ready');
  // @ts-expect-error: move needs a position
  await room.send('move', {});
  // @ts-expect-error: move needs its data
  await room.send('move');
  // @ts-expect-error: no action "fly"
  await room.send('fly');
  // @ts-expect-error: attack takes no params
  await room.send('attack', { target_id: 1, params: { a: 'b' } });
  // @ts-expect-error: emote takes only the param "name"
  await room.send('emote', { params: { mood: 'sad' } });
  room.sendInput('move', { position: { x: 0, y: 0, z: 0 } });
  const smooth = createInterpolator(room, { type: 'player', fields: ['x', 'y'], delayMs: 100 });
  const at = smooth.at(1);
  if (at) [at.x, at.y] satisfies [number, number];
  // @ts-expect-error: "name" is not a number field
  createInterpolator(room, { type: 'player', fields: ['name'] });
  // A room without a declaration takes any name, its values unknown.
  await client.join<PropRoom>('p', { kind: 'prop', create: { rounds: 3 } });
  // @ts-expect-error: the kind has no creation option "speed"
  await client.join<PropRoom>('p', { create: { speed: 3 } });
  // @ts-expect-error: the declaration is of kind "prop"
  await client.join<PropRoom>('p', { kind: 'ctf' });
  const lobby = await client.join('lobby', { kind: 'arena', create: { anything: 'goes' } });
  lobby.onAdd('anything', (e) => [e.id, e.whatever] satisfies [number, unknown]);
  await lobby.send('anything', { position: { x: 0, y: 0, z: 0 } });
  await lobby.send('anything');
  createInterpolator(lobby, { type: 'anything', fields: ['x', 'y'] }).at(1)?.x satisfies number | undefined;
  return void [flags, players, phase];
}
`;

/** The committed types of this repository's kinds, used the same way. */
const KINDS_USAGE = `
import type { GameClient } from '${SDK}';
import type { ArenaRoom } from '${KINDS}/arena.js';
import type { CtfFlag, CtfRoom } from '${KINDS}/ctf.js';
import type { TagRoom } from '${KINDS}/tag.js';

export async function kinds(client: GameClient): Promise<void> {
  const ctf = await client.join<CtfRoom>('ctf-1', { kind: 'ctf', create: { score_to_win: 5 } });
  ctf.onEvent('scored', ({ team, red, blue }) => [team, red, blue] satisfies ['red' | 'blue', number, number]);
  ctf.onChange('flag', (flag: CtfFlag, fields) => [flag.carrier, flag.atBase, fields] satisfies [number, boolean, readonly string[]]);
  await ctf.send('tag', { target_id: 2 });
  const arena = await client.join<ArenaRoom>('arena-1');
  await arena.send('attack', { target_id: 2 });
  const tag = await client.join<TagRoom>('tag-1');
  tag.onChange('player', (p) => p.it satisfies boolean);
}
`;

function compile(dir: string): string[] {
  const program = ts.createProgram([path.join(dir, 'usage.ts'), path.join(dir, 'kinds-usage.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ''}:${d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('game-gateway-types (client/scripts/kind-types.cjs)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kind-types-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('kindTypes', () => {
    it('should declare the room fields, entity types, events and actions of a descriptor, with each field documented', () => {
      const text = kindTypes(propDescriptor);
      expect(text).toContain('export interface PropRoom {');
      expect(text).toContain("  kind: 'prop';");
      expect(text).toContain("    /** enum */\n    phase: 'warmup' | 'play' | 'over';");
      expect(text).toContain('      /** uint8, default 100 */\n      hp: number;');
      expect(text).toContain('      /** float, precision 0.25, 10 to 20, default 10 */\n      depth: number;');
      expect(text).toContain('      /** list of uint16, at most 8 */\n      items: readonly number[];');
      expect(text).toContain('      /** map of int32, at most 8 entries */\n      stats: Readonly<Record<string, number>>;');
      expect(text).toContain('    move: { position: { x: number; y: number; z: number } };');
      expect(text).toContain('    emote: { params?: { name?: string } };');
      expect(text).toContain('  options: { rounds?: string };');
      expect(text).toContain("export type PropPlayer = Readonly<PropRoom['entities']['player']> & { readonly id: number; readonly type: 'player' };");
      expect(text).not.toContain('secret'); // server-side fields are not published
    });

    it('should refuse a field type it does not know, naming the field', () => {
      const descriptor = { kind: 'k', types: [{ name: 'room', fields: [{ name: 'when', type: 'date' }] }] };
      expect(() => kindTypes(descriptor)).toThrow('room.when: unknown field type "date"');
    });
  });

  it("should give a TypeScript game the kind's names and value types through Room<T>, and refuse what the kind does not declare", () => {
    fs.writeFileSync(path.join(dir, 'prop.ts'), kindTypes(propDescriptor));
    fs.writeFileSync(path.join(dir, 'usage.ts'), USAGE);
    fs.writeFileSync(path.join(dir, 'kinds-usage.ts'), KINDS_USAGE);
    expect(compile(dir)).toEqual([]);
  });

  it("should keep the committed types of this repository's kinds (client/kinds) in step with their descriptors (docs/schemas)", () => {
    const schemas = fs.readdirSync(SCHEMAS).filter((file) => file.endsWith('.json')).map((file) => path.join(SCHEMAS, file));
    expect(schemas.length).toBeGreaterThan(0);
    const check = () => execFileSync(process.execPath, [SCRIPT, ...schemas, '--out', KINDS, '--check'], { stdio: 'pipe' });
    // Regenerate with: node client/scripts/kind-types.cjs docs/schemas/*.json --out client/kinds
    expect(check).not.toThrow();
    expect(fs.readdirSync(KINDS).sort()).toEqual(schemas.map((file) => `${path.basename(file, '.json')}.ts`).sort());
  });

  describe('command line', () => {
    it('should write <kind>.ts per descriptor into --out, and --check should fail once a file is stale', () => {
      const descriptor = path.join(dir, 'prop.json');
      fs.writeFileSync(descriptor, JSON.stringify(propDescriptor));
      const out = path.join(dir, 'kinds');
      execFileSync(process.execPath, [SCRIPT, descriptor, '--out', out]);
      expect(fs.readFileSync(path.join(out, 'prop.ts'), 'utf8')).toBe(kindTypes(propDescriptor));
      execFileSync(process.execPath, [SCRIPT, descriptor, '--out', out, '--check']);
      fs.writeFileSync(descriptor, JSON.stringify({ ...propDescriptor, actions: [] }));
      expect(() => execFileSync(process.execPath, [SCRIPT, descriptor, '--out', out, '--check'], { stdio: 'pipe' })).toThrow(/stale kind types/);
    });
  });
});

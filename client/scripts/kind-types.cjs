#!/usr/bin/env node
// game-gateway-types: a room kind's descriptor (JSON: `room_joined.schema`, or the gateway's
// docs/schemas/<kind>.json) → a TypeScript declaration that types `client.join<KindRoom>(…)`:
// entity types, field names and value types, event names and data, action names and their fields.
//
//   game-gateway-types docs/schemas/ctf.json                  # prints ctf's declaration
//   game-gateway-types docs/schemas/*.json --out src/kinds    # writes src/kinds/<kind>.ts for each
//   game-gateway-types docs/schemas/*.json --out src/kinds --check   # fails if those files are stale
//   --name CtfRoom                                            # the interface's name (one descriptor)
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const INTEGERS = new Set(['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32']);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const VEC3 = '{ x: number; y: number; z: number }';

/** `capture_flag` / `capture-flag` → `CaptureFlag`. */
function pascal(name) {
  return String(name)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

const KIND_NAME = /^[A-Za-z0-9_-]+$/;
/** A single-quoted string literal (the repository's style). */
const quote = (text) => `'${String(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const key = (name) => (IDENTIFIER.test(name) ? name : quote(name));

/** The TypeScript type of a value as the SDK shows it. */
function valueType(field, where) {
  if (INTEGERS.has(field.type) || field.type === 'float') return 'number';
  switch (field.type) {
    case 'bool':
      return 'boolean';
    case 'string':
      return 'string';
    case 'enum':
      if (!Array.isArray(field.values) || field.values.length === 0) throw new Error(`${where}: an enum needs "values"`);
      return field.values.map(quote).join(' | ');
    case 'list':
      return `readonly ${wrapUnion(valueType(field.of || {}, `${where}[]`))}[]`;
    case 'map':
      return `Readonly<Record<string, ${valueType(field.of || {}, `${where}[]`)}>>`;
    default:
      throw new Error(`${where}: unknown field type "${field.type}" (a newer gateway? update @game-gateway/client)`);
  }
}
const wrapUnion = (type) => (type.includes(' | ') ? `(${type})` : type);

/** What a field's doc comment says: its wire type and limits, and its default as the game sees it. */
function describeField(field) {
  const parts = [];
  switch (field.type) {
    case 'float':
      parts.push(`float, precision ${field.precision}`);
      if (field.min !== undefined || field.max !== undefined) parts.push(`${field.min ?? '…'} to ${field.max ?? '…'}`);
      break;
    case 'string':
      parts.push(field.maxLength ? `string, at most ${field.maxLength} characters` : 'string');
      break;
    case 'list':
      parts.push(`list of ${describeField(field.of || {})}, at most ${field.maxLength}`);
      break;
    case 'map':
      parts.push(`map of ${describeField(field.of || {})}, at most ${field.maxEntries} entries`);
      break;
    default:
      parts.push(field.type);
  }
  if (field.default !== undefined) parts.push(`default ${JSON.stringify(shown(field, field.default))}`);
  return parts.join(', ');
}

/** A stored default as the game sees it (a float's integer × precision, an enum's name, …). */
function shown(field, stored) {
  if (field.type === 'float') return stored * field.precision;
  if (field.type === 'enum') return field.values[stored];
  if (field.type === 'bool') return stored === 1;
  return stored;
}

function fieldsBlock(fields, indent, where) {
  if (!fields || fields.length === 0) return '{}';
  const pad = ' '.repeat(indent);
  const lines = fields.map((field) => `${pad}  /** ${describeField(field)} */\n${pad}  ${key(field.name)}: ${valueType(field, `${where}.${field.name}`)};`);
  return `{\n${lines.join('\n')}\n${pad}}`;
}

function actionBlock(action) {
  const fields = [];
  const need = (name, type, level) => {
    if (level === 'required') fields.push(`${name}: ${type}`);
    else if (level === 'optional') fields.push(`${name}?: ${type}`);
  };
  need('position', VEC3, action.position);
  need('target_id', 'number', action.target);
  if (Array.isArray(action.params) && action.params.length > 0) fields.push(`params?: { ${action.params.map((p) => `${key(p)}?: string`).join('; ')} }`);
  return fields.length === 0 ? '{}' : `{ ${fields.join('; ')} }`;
}

/**
 * The declaration of one kind: `export interface <Kind>Room { kind; room; entities; events; actions }`
 * (the shape `RoomTypes` of @game-gateway/client describes) and a type per entity type.
 */
function kindTypes(descriptor, options = {}) {
  if (!descriptor || typeof descriptor.kind !== 'string' || !Array.isArray(descriptor.types) || descriptor.types[0]?.name !== 'room') {
    throw new Error('not a kind descriptor: it needs "kind" and "types" whose first entry is "room"');
  }
  const kind = descriptor.kind;
  if (!KIND_NAME.test(kind)) throw new Error(`kind "${kind}" is not a name a file can take`);
  const name = options.name || `${pascal(kind)}Room`;
  const [room, ...entities] = descriptor.types;
  const events = descriptor.events || [];
  const actions = descriptor.actions || [];
  const entityLines = entities.map((type) => `    ${key(type.name)}: ${fieldsBlock(type.fields, 4, type.name)};`);
  const eventLines = events.map((event) => `    ${key(event.name)}: ${fieldsBlock(event.fields, 4, `event ${event.name}`)};`);
  const actionLines = actions.map((action) => `    ${key(action.name)}: ${actionBlock(action)};`);
  const creation = Array.isArray(descriptor.options) ? descriptor.options : [];
  const optionsType = creation.length === 0 ? '{}' : `{ ${creation.map((option) => `${key(option)}?: string`).join('; ')} }`;
  const block = (lines) => (lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n  }`);
  const aliases = entities.map(
    (type) =>
      `/** A "${type.name}" of the "${kind}" kind as \`room.state\` shows it. */\n` +
      `export type ${pascal(kind)}${pascal(type.name)} = Readonly<${name}['entities'][${quote(type.name)}]> & { readonly id: number; readonly type: ${quote(type.name)} };`,
  );
  return [
    `// Generated by game-gateway-types from the "${kind}" kind's descriptor: do not edit, regenerate.`,
    '',
    `/** Room kind "${kind}": its state, events and actions, for \`client.join<${name}>(roomId)\`. */`,
    `export interface ${name} {`,
    `  kind: ${quote(kind)};`,
    '  /** The room\'s own fields (`room.state.room`, `room.listen(\'room\', field, …)`). */',
    `  room: ${fieldsBlock(room.fields, 2, 'room')};`,
    '  /** Entity types and their fields (`room.state.ofType(type)`, `room.onAdd(type, …)`). */',
    `  entities: ${block(entityLines)};`,
    '  /** Events (`room.onEvent(name, …)`) and their data. */',
    `  events: ${block(eventLines)};`,
    '  /** Actions (`room.send(name, …)`) and the `game_action` fields each takes. */',
    `  actions: ${block(actionLines)};`,
    '  /** Creation options (`client.join(roomId, { kind, create })`), used when a join creates the room. */',
    `  options: ${optionsType};`,
    '}',
    ...aliases.flatMap((alias) => ['', alias]),
    '',
  ].join('\n');
}

function main(argv) {
  const files = [];
  let out;
  let name;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else if (argv[i] === '--name') name = argv[++i];
    else if (argv[i] === '--check') check = true;
    else if (argv[i] === '--help' || argv[i] === '-h') return usage(0);
    else files.push(argv[i]);
  }
  if (files.length === 0 || (!out && (files.length > 1 || check)) || (name && files.length > 1)) return usage(2);
  const stale = [];
  for (const file of files) {
    const descriptor = JSON.parse(fs.readFileSync(file, 'utf8'));
    const text = kindTypes(descriptor, { name });
    if (!out) {
      process.stdout.write(text);
      continue;
    }
    const target = path.join(out, `${descriptor.kind}.ts`);
    if (check) {
      if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) stale.push(target);
      continue;
    }
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(target, text);
  }
  if (stale.length > 0) {
    console.error(`stale kind types (${stale.join(', ')}): regenerate them with game-gateway-types ${files.join(' ')} --out ${out}`);
    process.exitCode = 1;
  }
}

function usage(code) {
  (code === 0 ? console.log : console.error)('usage: game-gateway-types <descriptor.json> [--name Name]\n       game-gateway-types <descriptor.json>... --out <dir> [--check]');
  process.exitCode = code;
}

module.exports = { kindTypes };
if (require.main === module) main(process.argv.slice(2));

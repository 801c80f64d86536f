import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Imported for its side effect as well: every config namespace (games' included) registers.
import { AppModule } from '../../src/app.module';
import { extractConfigTable, renderConfigTable } from '../../src/config/config-table';
import { matchmakingConfig, roomsConfig } from '../../src/config';
import {
  CLIENT_MESSAGE_TYPES,
  clientPayloadSchemas,
  CloseCode,
  ErrorCode,
  type JsonSchema,
  MESSAGE_ID_CHECK,
  MessageType,
  SERVER_MESSAGE_TYPES,
} from '../../src/protocol';

const root = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('documentation stays true to the code', () => {
  it('should have the README configuration table of every declared variable (run `npm run docs:config`)', () => {
    expect(AppModule).toBeDefined();
    const table = renderConfigTable();
    expect(table).toContain('`PORT`');
    expect(table).toContain('`TAG_RANGE`'); // a game's namespace registers too
    expect(extractConfigTable(read('README.md'))).toBe(table);
  });

  describe('docs/asyncapi.yaml', () => {
    let document: Awaited<ReturnType<Parser['parse']>>['document'];
    let diagnostics: Awaited<ReturnType<Parser['parse']>>['diagnostics'];

    beforeAll(async () => {
      ({ document, diagnostics } = await new Parser().parse(read('docs/asyncapi.yaml')));
    });

    it('should be a valid AsyncAPI 3.0 document', () => {
      const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
      expect(errors).toEqual([]);
      expect(document).toBeDefined();
      expect(document!.version()).toMatch(/^3\.0\./);
      expect(document!.channels().all().map((channel) => channel.address())).toEqual(['/ws']);
    });

    it('should describe every client message the gateway receives and every server message it sends', () => {
      const names = (action: 'send' | 'receive') =>
        new Set(
          document!
            .operations()
            .all()
            .filter((operation) => operation.action() === action)
            .flatMap((operation) => operation.messages().all().map((message) => message.name())),
        );
      expect([...CLIENT_MESSAGE_TYPES].filter((type) => !names('receive').has(type))).toEqual([]);
      expect([...SERVER_MESSAGE_TYPES].filter((type) => !names('send').has(type))).toEqual([]);
      // A new message type must be classified as client or server (or both) to be documented.
      const classified = new Set<string>([...CLIENT_MESSAGE_TYPES, ...SERVER_MESSAGE_TYPES]);
      expect(Object.values(MessageType).filter((type) => !classified.has(type))).toEqual([]);
    });

    it.each([...CLIENT_MESSAGE_TYPES])("should state the gateway's validation rules for %s payloads (lengths, patterns, ranges, required fields)", (type) => {
      // The validators carry their JSON Schema; the defaults stand for configurable limits (CHAT_MAX_LENGTH, MATCHMAKING_MAX_FILTERS, …).
      const defaults = { ...roomsConfig(), ...matchmakingConfig() };
      const json = document!.json() as any;
      const message = Object.values(json.components.messages as Record<string, any>).find(
        (m) => m.name === type && json.operations.receiveClientMessages.messages.some((ref: any) => ref.name === type),
      );
      expect(constraints(message.payload.allOf[1].properties.payload)).toEqual(constraints(clientPayloadSchemas(defaults)[type].schema));
    });

    it("should state the gateway's rule for the client message id", () => {
      const json = document!.json() as any;
      expect(constraints(json.components.schemas.ClientEnvelope.properties.id)).toEqual(constraints(MESSAGE_ID_CHECK.schema));
    });

    it('should list exactly the error codes of src/protocol', () => {
      const json = document!.json() as any;
      const codes = json.components.messages.error.payload.allOf[1].properties.payload.properties.code.enum;
      expect([...codes].sort()).toEqual(Object.values(ErrorCode).sort());
    });
  });

  describe('docs/protocol.md', () => {
    const text = read('docs/protocol.md');

    it.each(Object.values(MessageType))('should document message type %s', (type) => {
      expect(text).toContain(`\`${type}\``);
    });
    it.each(Object.values(ErrorCode))('should document error code %s', (code) => {
      expect(text).toContain(`\`${code}\``);
    });
    it.each(Object.entries(CloseCode))('should document close code %s (%d)', (_name, code) => {
      expect(text).toContain(`\`${code}\``);
    });
  });
});

/** The checkable rules of a JSON Schema as sorted `path keyword=value` lines (allOf merged, $refs resolved by the parser). */
function constraints(schema: JsonSchema & { allOf?: JsonSchema[] }, path = '', out: string[] = []): string[] {
  for (const part of schema.allOf ?? []) constraints(part, path, out);
  for (const key of ['type', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'maxProperties'] as const) {
    if (schema[key] !== undefined) out.push(`${path || '.'} ${key}=${JSON.stringify(schema[key])}`);
  }
  if (schema.required) out.push(`${path || '.'} required=${JSON.stringify([...schema.required].sort())}`);
  for (const [name, property] of Object.entries(schema.properties ?? {})) constraints(property, `${path}.${name}`, out);
  if (schema.propertyNames) constraints(schema.propertyNames, `${path}{key}`, out);
  if (typeof schema.additionalProperties === 'object') constraints(schema.additionalProperties, `${path}{value}`, out);
  return path ? out : [...new Set(out)].sort();
}

import { join, relative, sep } from 'node:path';

const SRC = __dirname;

/** madge ships no type declarations; this is the part of its API used here. */
type Madge = (path: string, config: object) => Promise<{ obj(): Record<string, string[]> }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const madge = require('madge') as Madge;

/** Top folder of a file under src/ ('' for src/app.module.ts, src/main.ts, ...). */
const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '');

/** A cycle in a directed graph (as a path), or undefined: depth-first search with colours. */
function findCycle(graph: Record<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph[node] ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of Object.keys(graph)) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The import structure of src/ (type-only imports included, specs and generated code left out):
 * no file imports itself through others, and no folder does either, so dependencies point one
 * way. Run `npx madge --circular --extensions ts --ts-config tsconfig.json src` to see the same.
 */
describe('src/ import structure', () => {
  let files: Record<string, string[]>;

  beforeAll(async () => {
    const result = await madge(SRC, {
      fileExtensions: ['ts'],
      tsConfig: join(SRC, '..', 'tsconfig.json'),
      excludeRegExp: [/\.spec\.ts$/, /[\\/]generated[\\/]/, /[\\/]testing[\\/]/],
      detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
    });
    files = result.obj();
  }, 60000);

  it('should have no import cycle between files', () => {
    expect(findCycle(files)).toBeUndefined();
  });

  it('should have no import cycle between folders', () => {
    const folders: Record<string, Set<string>> = {};
    for (const [file, imports] of Object.entries(files)) {
      const from = folderOf(relative(SRC, join(SRC, file)).split(sep).join('/'));
      for (const imported of imports) {
        const to = folderOf(imported);
        if (from && to && from !== to) (folders[from] ??= new Set()).add(to);
      }
    }
    const graph = Object.fromEntries(Object.entries(folders).map(([folder, to]) => [folder, [...to]]));
    expect(findCycle(graph)).toBeUndefined();
  });

  it('should see the whole tree (the check would pass vacuously on an empty graph)', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['app.module.ts', 'rooms/room.ts', 'bridge/room-bridge.ts']));
  });
});

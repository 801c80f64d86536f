import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedKindDescriptors } from './kind-descriptors';

describe('docs/schemas', () => {
  it('should describe every kind GamesModule imports, found from its modules alone', () => {
    expect(shippedKindDescriptors().map((d) => d.kind).sort()).toEqual(['arena', 'ctf', 'tag', 'world']);
  });

  it.each(shippedKindDescriptors().map((d) => [d.kind, d] as const))('should hold the current descriptor of kind "%s" (npm run schemas)', (kind, descriptor) => {
    const published = JSON.parse(readFileSync(join(__dirname, '../../docs/schemas', `${kind}.json`), 'utf8'));
    expect(published).toEqual(descriptor);
  });
});

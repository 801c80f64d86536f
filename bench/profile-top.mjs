// Top self-time functions of a V8 .cpuprofile (from node --cpu-prof), grouped by function+location.
export function topSelfTime(profile, limit = 20) {
  const self = new Map(); // node id → sample count
  for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const byFn = new Map();
  for (const node of profile.nodes) {
    const n = self.get(node.id);
    if (!n) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, 'node_modules/').replace(/^.*\/dist\//, 'dist/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}\t${where}`;
    byFn.set(key, (byFn.get(key) ?? 0) + n);
  }
  return [...byFn.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, n]) => {
      const [fn, where] = key.split('\t');
      return { fn, where, pct: (100 * n) / total };
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  for (const t of topSelfTime(JSON.parse(readFileSync(process.argv[2], 'utf8')), Number(process.argv[3] ?? 25))) console.log(`${t.pct.toFixed(1).padStart(5)}%  ${t.fn}  ${t.where}`);
}

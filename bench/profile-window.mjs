// Where a V8 .cpuprofile's busy time went within a time window, by call path (the shares in
// BENCHMARKS.md, "Quiet-machine runs, 18:40–18:55"): start-up and joins fall outside the steady
// window of a load, so self time over the whole profile (profile-top.mjs) mixes them in.
//
//   node bench/profile-window.mjs <file.cpuprofile>                     busy % per second
//   node bench/profile-window.mjs <file.cpuprofile> 8 15 [depth] [filter]  call paths (depth frames below the root) in seconds [8, 15)
//   node bench/profile-window.mjs <file.cpuprofile> 8 15 categories     self time by where the code lives (app, ws, node, native, …)
//   node bench/profile-window.mjs <file.cpuprofile> 8 15 inclusive      per function: samples with it anywhere on the stack
import { readFileSync } from 'node:fs';

const [file, fromS, toS, depth = '4', filter = ''] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const isIdle = (id) => byId.get(id).callFrame.functionName === '(idle)';
/** The call frames of a sample's stack, the root first. */
const framesOf = (id) => {
  const frames = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) frames.unshift(byId.get(cur).callFrame);
  return frames;
};
/** The functions on a sample's stack, each as `name file:line`. */
const stackOf = (id) => framesOf(id).map(({ functionName, url, lineNumber }) => `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`);
/** Where a sample's own code lives: the kernel's share shows as native writeBuffer / writev. */
const categoryOf = (id) => {
  const { url, functionName } = byId.get(id).callFrame;
  if (!url) return `native ${functionName}`;
  if (url.includes('/ws/lib/')) return 'ws';
  if (url.startsWith('node:')) return 'node (streams, events, timers)';
  if (url.includes('node_modules/')) return `dependency ${url.split('node_modules/')[1].split('/')[0]}`;
  if (url.includes('/generated/')) return 'protobuf generated code';
  return 'app (gateway or baseline server)';
};
const pathOf = (id) =>
  framesOf(id)
    .slice(1, 1 + Number(depth))
    .map((frame) => frame.functionName || '(anonymous)')
    .join(' > ');

let t = 0;
const perSecond = new Map(); // second → [samples, busy]
const byPath = new Map();
let inWindow = 0;
let busy = 0;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  const second = Math.floor(t / 1e6);
  const id = profile.samples[i];
  const counts = perSecond.get(second) ?? [0, 0];
  counts[0]++;
  if (!isIdle(id)) counts[1]++;
  perSecond.set(second, counts);
  if (fromS === undefined || second < Number(fromS) || second >= Number(toS)) continue;
  inWindow++;
  if (isIdle(id)) continue;
  busy++;
  if (depth === 'inclusive') {
    for (const name of new Set(stackOf(id))) byPath.set(name, (byPath.get(name) ?? 0) + 1);
    continue;
  }
  const path = depth === 'categories' ? categoryOf(id) : pathOf(id);
  if (!filter || path.includes(filter)) byPath.set(path, (byPath.get(path) ?? 0) + 1);
}
if (fromS === undefined) {
  for (const [second, [samples, busyHere]] of perSecond) console.log(`${String(second).padStart(3)} s  busy ${((100 * busyHere) / samples).toFixed(0).padStart(3)} %`);
} else {
  console.log(`seconds [${fromS}, ${toS}): busy ${((100 * busy) / inWindow).toFixed(1)} % of ${inWindow} samples`);
  for (const [path, n] of [...byPath].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * n) / inWindow).toFixed(1).padStart(5)} %  ${path}`);
}

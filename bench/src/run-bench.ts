import { loadavg } from 'node:os';
import { coldStartBench } from './cold/cold-start.js';
import { coreBench } from './core/core-bench.js';
import { memoryBench } from './memory/memory-bench.js';
import { formatTable, percent } from './shared/format-table.js';
import type { TargetResult } from './shared/targets.js';
import { sizeBench } from './size/bundle-size.js';
import { sourcesBench } from './sources/sources-bench.js';

/*
 * `pnpm bench`: every target of issues 8 and 9 that does not need a server, in one run — bundle size,
 * memory and load time, cold start, the per-decision cost, and origin sources / report-only / events — each part printing its own tables,
 * then one summary with every target, the figure measured, its spread in this run and MET/NOT MET.
 * A measurement, never a test: the exit code is 0 whatever the figures.
 *
 *   BENCH_PARTS=size,memory,cold,core,sources (default: all)   and each part's own knobs (see README).
 */

type Part = 'size' | 'memory' | 'cold' | 'core' | 'sources';
const PARTS: Readonly<Record<Part, () => Promise<{ report: string; targets: TargetResult[] }> | { report: string; targets: TargetResult[] }>> = {
  size: sizeBench,
  memory: memoryBench,
  cold: coldStartBench,
  core: coreBench,
  sources: sourcesBench,
};

const selected = (process.env['BENCH_PARTS'] ?? Object.keys(PARTS).join(',')).split(',').map((p) => p.trim()) as Part[];
for (const p of selected) if (!(p in PARTS)) throw new Error(`Unknown part ${p} in BENCH_PARTS; expected ${Object.keys(PARTS).join(', ')}`);

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const started = Date.now();
console.log(`pnpm bench: node ${process.version}, ${new Date().toISOString()}, parts ${selected.join(', ')}; load average ${load()}\n`);
const targets: TargetResult[] = [];
for (const part of selected) {
  const partStarted = Date.now();
  const result = await PARTS[part]();
  console.log(`${result.report}\n(${part}: ${((Date.now() - partStarted) / 1000).toFixed(0)} s)\n`);
  targets.push(...result.targets);
}

const rows = targets.map((t) => [
  t.target, t.measured, t.value === undefined ? 'n/a' : t.value < 10 ? t.value.toFixed(2) : t.value.toFixed(0), t.limit,
  t.spread === undefined ? '' : percent(t.spread), t.met ? 'MET' : 'NOT MET', t.note ?? '',
]);
console.log('SUMMARY (issue 8 and 9 targets; spread = (max − min) / median of this run\'s samples, the wider of the two compared)');
console.log(formatTable(['target', 'measured', 'value', 'limit', 'spread', 'result', 'note'], rows));
const met = targets.filter((t) => t.met).length;
console.log(`\n${met}/${targets.length} targets met (${((Date.now() - started) / 1000).toFixed(0)} s; load average at end ${load()})`);

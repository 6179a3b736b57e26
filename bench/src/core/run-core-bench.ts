import { loadavg } from 'node:os';
import { measure } from 'mitata';
import { originList } from '../shared/origin-list.js';
import { formatTable, median, ratioCell } from '../shared/format-table.js';
import { coreContenders, type CoreContenderName } from './contenders.js';
import { FakeResponse, type Middleware } from './fake-http.js';
import { CORE_SCENARIOS, type CoreScenarioName } from './scenarios.js';

/*
 * Core decision cost: ns per request for @org/cors-core, the `cors` package and a hand-written
 * baseline, each driven through the same fake req/res. Every cell is measured ROUNDS times with the
 * contender order rotated between rounds; the table shows medians, and every ratio comes from this
 * one process, so machine-wide noise hits all contenders alike.
 *
 *   BENCH_ROUNDS (default 3)   BENCH_CPU_MS per measurement (default 250)
 */

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CPU_MS = Number(process.env['BENCH_CPU_MS'] ?? 250);
const SIZES = [3, 10_000] as const;
const CONTENDERS: readonly CoreContenderName[] = ['ours', 'baseline', 'cors'];

type Cell = `${number}|${CoreScenarioName}|${CoreContenderName}`;
const samples = new Map<Cell, number[]>();
const gc = (globalThis as { gc?: () => void }).gc;

async function timeOne(middleware: Middleware, req: Parameters<Middleware>[0]): Promise<number> {
  const res = new FakeResponse();
  let nexts = 0;
  const next = () => {
    nexts++;
  };
  gc?.();
  const stats = await measure(
    () => {
      res.reset();
      middleware(req, res, next);
    },
    { min_cpu_time: CPU_MS * 1e6 },
  );
  if (nexts < 0) throw new Error('unreachable'); // keeps `next` observable
  return stats.p50;
}

async function main(): Promise<void> {
  const started = Date.now();
  const contendersBySize = new Map(SIZES.map((size) => [size, coreContenders(originList(size))]));
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`core bench: node ${process.version}, mitata, ${ROUNDS} round(s) × ${CPU_MS} ms per cell, p50 ns/op; load average ${load()}\n`);
  for (let round = 0; round < ROUNDS; round++) {
    const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length] as CoreContenderName);
    for (const size of SIZES) {
      const contenders = contendersBySize.get(size)!;
      for (const scenario of CORE_SCENARIOS) {
        for (const name of order) {
          const ns = await timeOne(contenders[name], scenario.request);
          const key: Cell = `${size}|${scenario.name}|${name}`;
          samples.set(key, [...(samples.get(key) ?? []), ns]);
        }
      }
    }
    process.stderr.write(`  round ${round + 1}/${ROUNDS} done\n`);
  }
  const ns = (size: number, scenario: CoreScenarioName, name: CoreContenderName) => median(samples.get(`${size}|${scenario}|${name}`) ?? [NaN]);
  const fmt = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} µs` : `${v.toFixed(1)}`);

  const rows: string[][] = [];
  let misses = 0;
  for (const size of SIZES) {
    for (const { name: scenario } of CORE_SCENARIOS) {
      const ours = ns(size, scenario, 'ours');
      const baseline = ns(size, scenario, 'baseline');
      const corsNs = ns(size, scenario, 'cors');
      const vsBaseline = ours / baseline;
      const vsCors = ours / corsNs;
      if (vsBaseline > 1.5) misses++;
      if (vsCors >= 1) misses++;
      rows.push([`${scenario} (${size.toLocaleString('en-US')} origins)`, fmt(ours), fmt(baseline), fmt(corsNs), ratioCell(vsBaseline, vsBaseline <= 1.5), ratioCell(vsCors, vsCors < 1)]);
    }
  }
  console.log(formatTable(['scenario', 'ours ns', 'baseline ns', 'cors ns', 'ours/baseline (≤1.5)', 'ours/cors (<1)'], rows));

  console.log('\ncost change from 3 to 10,000 origins (ns at 10,000 ÷ ns at 3; target for ours: within ±10%)');
  const scaleRows = CORE_SCENARIOS.map(({ name: scenario }) => {
    const change = (c: CoreContenderName) => ns(10_000, scenario, c) / ns(3, scenario, c) - 1;
    const ours = change('ours');
    if (Math.abs(ours) > 0.1) misses++;
    const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(0)}%`;
    return [scenario, `${pct(ours)} ${Math.abs(ours) <= 0.1 ? 'ok' : 'MISS'}`, pct(change('baseline')), pct(change('cors'))];
  });
  console.log(formatTable(['scenario', 'ours', 'baseline', 'cors'], scaleRows));

  console.log('\nmalicious (64 KiB Access-Control-Request-Headers) ÷ normal preflight, ours (target ≤ 100×)');
  const hostileRows = SIZES.map((size) => {
    const ratio = ns(size, 'malicious preflight', 'ours') / ns(size, 'allowed preflight', 'ours');
    if (ratio > 100) misses++;
    return [`${size.toLocaleString('en-US')} origins`, ratioCell(ratio, ratio <= 100)];
  });
  console.log(formatTable(['policy', 'ratio'], hostileRows));
  console.log(`\n${misses === 0 ? 'all targets met' : `${misses} target(s) missed`} (${((Date.now() - started) / 1000).toFixed(0)} s; load average at end ${load()})`);
}

await main();

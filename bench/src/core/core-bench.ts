import { measure } from 'mitata';
import { cpuNow } from '../shared/cpu-clock.js';
import { formatTable, median, percent, ratioCell, spread } from '../shared/format-table.js';
import { originList, patternList } from '../shared/origin-list.js';
import { target, type TargetResult } from '../shared/targets.js';
import {
  benchPolicy, coreContenders, NODE_CONTENDERS, oursMiddleware, WEB_CONTENDERS,
  type CoreContenderName, type NodeContenderName, type WebContenderName,
} from './contenders.js';
import { FakeHonoContext, type WebMiddleware } from './fake-hono-context.js';
import { FakeResponse, type FakeRequest, type Middleware } from './fake-http.js';
import { CORE_SCENARIOS, request, type CoreScenarioName } from './scenarios.js';

/*
 * Per decision, header writes included: ns per request (mitata p50) for every contender through the
 * same fakes. Every cell is measured ROUNDS times, the contender order rotated between rounds; tables
 * show medians and the widest spread ((max − min) / median) of a row.
 *
 * The clock is this process's CPU time (`process.cpuUsage`, µs resolution; mitata batches thousands
 * of calls per sample, so that is ample): on a shared two-core machine wall time also counts the
 * slices other processes get, which inflates some cells many times over and not others. CPU time
 * still counts this process's GC and JIT helper threads, as wall time would.
 *
 *   BENCH_ROUNDS (default 4)   BENCH_CPU_MS per measurement (default 150)   BENCH_CLOCK=cpu|wall
 */

const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 4));
const CPU_MS = Number(process.env['BENCH_CPU_MS'] ?? 150);
const CLOCK = process.env['BENCH_CLOCK'] ?? 'cpu';
if (CLOCK !== 'cpu' && CLOCK !== 'wall') throw new Error('BENCH_CLOCK must be cpu or wall');

export const ORIGIN_SIZES = [3, 100_000] as const;
export const PATTERN_SIZES = [1, 1_000] as const;

type Group = `origins ${number}` | `patterns ${number}`;
type PatternScenario = 'pattern-matched GET' | 'refused origin';
interface Cell {
  readonly group: Group;
  readonly scenario: CoreScenarioName | PatternScenario;
  readonly contender: CoreContenderName;
  readonly op: () => unknown;
  /** Requests handled per call of `op` (the reported figure is per request). */
  readonly perOp: number;
}

/**
 * Web-family operations are async, and mitata times an async function call by call: with the CPU
 * clock's microsecond resolution a single 2–4 µs call would be quantised. Each operation therefore
 * awaits this many requests in a row.
 */
const WEB_BATCH = 64;

const noop = () => {};
const noopAsync = async () => {};

function nodeOp(middleware: Middleware, req: FakeRequest): () => unknown {
  const res = new FakeResponse();
  return () => {
    res.reset();
    middleware(req, res, noop);
  };
}

function webOp(middleware: WebMiddleware, req: FakeRequest): () => unknown {
  const c = new FakeHonoContext(req);
  return async () => {
    for (let i = 0; i < WEB_BATCH; i++) {
      c.reset();
      await middleware(c, noopAsync);
    }
  };
}

function buildCells(): Cell[] {
  const cells: Cell[] = [];
  for (const size of ORIGIN_SIZES) {
    const contenders = coreContenders(originList(size));
    const group: Group = `origins ${size}`;
    for (const { name, request: req } of CORE_SCENARIOS) {
      for (const c of NODE_CONTENDERS) cells.push({ group, scenario: name, contender: c, op: nodeOp(contenders.node[c], req), perOp: 1 });
      for (const c of WEB_CONTENDERS) cells.push({ group, scenario: name, contender: c, op: webOp(contenders.web[c], req), perOp: WEB_BATCH });
    }
  }
  for (const size of PATTERN_SIZES) {
    const { origins, matching } = patternList(size);
    const ours = oursMiddleware(benchPolicy(origins));
    const group: Group = `patterns ${size}`;
    cells.push({ group, scenario: 'pattern-matched GET', contender: 'ours', op: nodeOp(ours, request('GET', matching)), perOp: 1 });
    cells.push({ group, scenario: 'refused origin', contender: 'ours', op: nodeOp(ours, CORE_SCENARIOS.find((s) => s.name === 'refused origin')!.request), perOp: 1 });
  }
  return cells;
}

/** mitata collects garbage itself (globalThis.gc, from --expose-gc) before each measurement. */
async function time(op: () => unknown): Promise<number> {
  const stats = await measure(op, { min_cpu_time: CPU_MS * 1e6, ...(CLOCK === 'cpu' ? { now: cpuNow } : {}) });
  return stats.p50;
}

export async function coreBench(): Promise<{ report: string; targets: TargetResult[] }> {
  const cells = buildCells();
  const samples = new Map<string, number[]>();
  const key = (group: Group, scenario: string, contender: CoreContenderName) => `${group}|${scenario}|${contender}`;
  // Cells that a target compares are measured close together in time (the machine's load drifts over
  // minutes): one run per scenario holds it at every size (3 vs 100,000 origins, 1 vs 1,000 patterns),
  // and the preflights (normal, capped, malicious) share one run. The order within a run rotates per round.
  const runs = new Map<string, Cell[]>();
  for (const cell of cells) {
    const run = cell.group.startsWith('patterns') ? `patterns|${cell.scenario}` : cell.scenario.endsWith('preflight') ? 'preflights' : cell.scenario;
    runs.set(run, [...(runs.get(run) ?? []), cell]);
  }
  for (let round = 0; round < ROUNDS; round++) {
    let done = 0;
    for (const run of runs.values()) {
      for (let i = 0; i < run.length; i++) {
        const cell = run[(i + round) % run.length]!;
        const k = key(cell.group, cell.scenario, cell.contender);
        samples.set(k, [...(samples.get(k) ?? []), (await time(cell.op)) / cell.perOp]);
      }
      process.stderr.write(`  core: round ${round + 1}/${ROUNDS}, ${++done}/${runs.size}\r`);
    }
  }
  process.stderr.write('\n');

  const all = (group: Group, scenario: string, c: CoreContenderName) => samples.get(key(group, scenario, c)) ?? [NaN];
  const ns = (group: Group, scenario: string, c: CoreContenderName) => median(all(group, scenario, c));
  const fmt = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} µs` : v.toFixed(1));
  const rowSpread = (group: Group, scenario: string, names: readonly CoreContenderName[]) => Math.max(...names.map((c) => spread(all(group, scenario, c))));
  const sizeLabel = (size: number) => `${size.toLocaleString('en-US')} origins`;
  const out: string[] = [];

  // Node family.
  const nodeRows: string[][] = [];
  for (const size of ORIGIN_SIZES) {
    const g: Group = `origins ${size}`;
    for (const { name } of CORE_SCENARIOS) {
      const v = (c: NodeContenderName) => ns(g, name, c);
      const vsBaseline = v('ours') / v('baseline');
      nodeRows.push([
        `${name} (${sizeLabel(size)})`, ...NODE_CONTENDERS.map((c) => fmt(v(c))),
        ratioCell(vsBaseline, vsBaseline <= 1.5), `${(v('ours') / v('cors')).toFixed(2)}×`, `${(v('ours') / v('cors (Set)')).toFixed(2)}×`,
        percent(rowSpread(g, name, NODE_CONTENDERS)),
      ]);
    }
  }
  out.push(`decision + header writes, Node host family (fake res), p50 ns (${CLOCK === 'cpu' ? 'CPU time' : 'wall time'}), median of ${ROUNDS} round(s) × ${CPU_MS} ms`);
  out.push(formatTable(['scenario', 'ours', 'baseline', 'cors', 'cors (Set)', 'ours/baseline (≤1.5)', 'ours/cors', 'ours/cors (Set)', 'max spread'], nodeRows));

  // Web family.
  const webRows: string[][] = [];
  for (const size of ORIGIN_SIZES) {
    const g: Group = `origins ${size}`;
    for (const { name } of CORE_SCENARIOS) {
      const v = (c: WebContenderName) => ns(g, name, c);
      webRows.push([`${name} (${sizeLabel(size)})`, fmt(v('ours (web)')), fmt(v('hono/cors')), `${(v('ours (web)') / v('hono/cors')).toFixed(2)}×`, percent(rowSpread(g, name, WEB_CONTENDERS))]);
    }
  }
  out.push(`\ndecision + header writes, Web host family (Hono-shaped context, real Headers; preflights return a Response), p50 ns per request (${WEB_BATCH} awaited per timed call)`);
  out.push(formatTable(['scenario', 'ours (web)', 'hono/cors', 'ours/hono', 'max spread'], webRows));

  // Scaling with the number of exact origins.
  const [small, large] = ORIGIN_SIZES;
  const scaleNames: readonly CoreContenderName[] = [...NODE_CONTENDERS, ...WEB_CONTENDERS];
  const change = (scenario: string, c: CoreContenderName) => ns(`origins ${large}`, scenario, c) / ns(`origins ${small}`, scenario, c) - 1;
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(0)}%`;
  out.push(`\ncost change from ${sizeLabel(small)} to ${sizeLabel(large)} (target for ours: within ±10%)`);
  out.push(formatTable(['scenario', ...scaleNames], CORE_SCENARIOS.map(({ name }) => [name, ...scaleNames.map((c) => pct(change(name, c)))])));
  let worstScale = 0;
  let worstScaleAt = '';
  let worstScaleSpread = 0;
  for (const { name } of CORE_SCENARIOS) {
    const c = change(name, 'ours');
    if (Math.abs(c) >= Math.abs(worstScale)) {
      worstScale = c;
      worstScaleAt = name;
      worstScaleSpread = Math.max(spread(all(`origins ${small}`, name, 'ours')), spread(all(`origins ${large}`, name, 'ours')));
    }
  }

  // Subdomain patterns.
  const [fewPatterns, manyPatterns] = PATTERN_SIZES;
  const patternRows: string[][] = [];
  let worstPattern = 0;
  let worstPatternAt = '';
  let worstPatternSpread = 0;
  for (const scenario of ['pattern-matched GET', 'refused origin'] as const) {
    const few = ns(`patterns ${fewPatterns}`, scenario, 'ours');
    const many = ns(`patterns ${manyPatterns}`, scenario, 'ours');
    const s = Math.max(spread(all(`patterns ${fewPatterns}`, scenario, 'ours')), spread(all(`patterns ${manyPatterns}`, scenario, 'ours')));
    if (many / few >= worstPattern) {
      worstPattern = many / few;
      worstPatternAt = scenario;
      worstPatternSpread = s;
    }
    patternRows.push([scenario, fmt(few), fmt(many), ratioCell(many / few, many / few <= 2), percent(s)]);
  }
  out.push(`\nours with ${fewPatterns} vs ${manyPatterns.toLocaleString('en-US')} subdomain patterns (plus the policy's exact origins), p50 ns`);
  out.push(formatTable(['scenario', `${fewPatterns} pattern`, `${manyPatterns.toLocaleString('en-US')} patterns`, 'ratio (≤2)', 'max spread'], patternRows));

  // Hostile preflights against a normal one.
  const hostileRows: string[][] = [];
  for (const size of ORIGIN_SIZES) {
    const g: Group = `origins ${size}`;
    const normal = ns(g, 'allowed preflight', 'ours');
    const capped = ns(g, 'capped preflight', 'ours') / normal;
    const malicious = ns(g, 'malicious preflight', 'ours') / normal;
    hostileRows.push([sizeLabel(size), ratioCell(capped, capped <= 10), ratioCell(malicious, malicious <= 100)]);
  }
  out.push('\nours, hostile ÷ normal preflight: capped = 64 names in 4,095 bytes of Access-Control-Request-Headers (target ≤ 10×), malicious = 64 KiB (≤ 100×)');
  out.push(formatTable(['policy', 'capped', 'malicious'], hostileRows));

  const g3: Group = `origins ${small}`;
  const capped = ns(g3, 'capped preflight', 'ours') / ns(g3, 'allowed preflight', 'ours');
  const targets: TargetResult[] = [
    target(`decision: ours, ${sizeLabel(small)} → ${sizeLabel(large)} (worst scenario)`, `${pct(worstScale)} (${worstScaleAt})`, Math.abs(worstScale), 'within ±10%', (v) => v <= 0.1, { spread: worstScaleSpread }),
    target(`decision: ours, ${fewPatterns} → ${manyPatterns.toLocaleString('en-US')} subdomain patterns (worst scenario)`, `${worstPattern.toFixed(2)}× (${worstPatternAt})`, worstPattern, '≤ 2×', (v) => v <= 2, { spread: worstPatternSpread }),
    target('decision: ours, capped ÷ normal preflight', `${fmt(ns(g3, 'capped preflight', 'ours'))} vs ${fmt(ns(g3, 'allowed preflight', 'ours'))} ns`, capped, '≤ 10×', (v) => v <= 10, {
      spread: Math.max(spread(all(g3, 'capped preflight', 'ours')), spread(all(g3, 'allowed preflight', 'ours'))),
    }),
  ];
  return { report: out.join('\n'), targets };
}

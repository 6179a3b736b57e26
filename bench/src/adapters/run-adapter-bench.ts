import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { formatTable, median, percent, ratioCell, spread } from '../shared/format-table.js';
import { forkContender, NEXT_APP_DIR, NEXT_BIN, SERVER_CPU, startNextContender, type ContenderProcess } from './contender-process.js';
import {
  CONTENDERS, corsProblem, HTTP_SCENARIOS, TENANT_SCENARIO, type Contender, type HttpScenario, type OursVariant, type ServerName,
} from './http-scenarios.js';
import type { NodeFramework } from './start-server.js';
import { BENCH_EVENTS_PATH, type DecisionCounts } from './variant-policies.js';

/*
 * Adapter throughput: requests/s of a bare framework app, the same app with our adapter, and with
 * the CORS middleware its users reach for (the anchor). Each contender is a server in its own child
 * process on 127.0.0.1; autocannon runs here. Per framework: verify every contender's answers, warm
 * each up, then RUNS rounds in which every scenario is measured for every contender, the contender
 * order rotating between rounds. Tables show medians; ratios come from this one run.
 *
 * Several runs per cell, rotated: on a shared machine a burst of someone else's work then spoils one
 * sample of each contender instead of a whole cell, and the median drops it. With `taskset` and two
 * or more CPUs, servers run on CPU 1 and this process (the load generator) on CPU 0.
 *
 * Production variants of ours (a bound lookup source; a report-only candidate with an `onDecision`
 * hook) run in the same rounds, rotated with the others, and get a second table: req/s and p99
 * latency against plain ours.
 *
 *   BENCH_FRAMEWORKS=express,koa,nest,hono,next,next-proxy   BENCH_VARIANTS=plain,source,report-only
 *   BENCH_RUNS=5   BENCH_DURATION=3 (whole seconds: autocannon rounds up)   BENCH_CONNECTIONS=10
 *   BENCH_PIN=0 (no pinning)
 */

type Framework = NodeFramework | 'next' | 'next-proxy';
const FRAMEWORKS: readonly Framework[] = ['express', 'koa', 'nest', 'hono', 'next', 'next-proxy'];
const LABELS: Readonly<Record<Framework, string>> = {
  express: 'Express 5.3 (anchor: cors 2.8.6)',
  koa: 'Koa 3.3 (anchor: @koa/cors 5.0.0)',
  nest: 'Nest 12.5 on platform-express (anchor: app.enableCors, i.e. cors)',
  hono: 'Hono 4.13 on @hono/node-server (ours: @org/cors-fetch cors(compiled); anchor: hono/cors)',
  next: 'Next.js 16.4 route handler under `next start` (ours: corsRoute; anchor: Next.js docs CORS example)',
  'next-proxy': 'Next.js 16.4 proxy.ts under `next start` (ours: withCors(loadCompiledPolicy(…)); anchor: Next.js docs CORS example)',
};

const selected = (process.env['BENCH_FRAMEWORKS'] ?? FRAMEWORKS.join(',')).split(',').map((f) => f.trim()) as Framework[];
for (const f of selected) if (!FRAMEWORKS.includes(f)) throw new Error(`Unknown framework ${f}; expected ${FRAMEWORKS.join(', ')}`);

/** `plain`: the bare/ours/anchor table; `source`, `report-only`: the variants of ours. */
type Variant = 'plain' | 'source' | 'report-only';
const VARIANTS: readonly Variant[] = ['plain', 'source', 'report-only'];
const VARIANT_SERVERS: Readonly<Record<Exclude<Variant, 'plain'>, OursVariant>> = { source: 'ours+source', 'report-only': 'ours+report-only' };
const variants = (process.env['BENCH_VARIANTS'] ?? VARIANTS.join(',')).split(',').map((v) => v.trim()).filter((v) => v !== '') as Variant[];
for (const v of variants) if (!VARIANTS.includes(v)) throw new Error(`Unknown variant ${v}; expected ${VARIANTS.join(', ')}`);
if (variants.length === 0) throw new Error(`BENCH_VARIANTS is empty; expected some of ${VARIANTS.join(', ')}`);
const PLAIN = variants.includes('plain');
const SELECTED_VARIANTS = variants.flatMap((v) => (v === 'plain' ? [] : [VARIANT_SERVERS[v]]));
/** The rows of the variants table: what both variants answer as plain ours does, and the tenant GET. */
const VARIANT_SCENARIOS = HTTP_SCENARIOS.filter((s) => s.name !== 'no Origin');

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const DURATION = Number(process.env['BENCH_DURATION'] ?? 3);
if (!Number.isInteger(DURATION) || DURATION < 1) throw new Error('BENCH_DURATION must be a whole number of seconds (autocannon rounds up)');
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const WARMUP = 2;

async function load(url: string, options: Partial<autocannon.Options>, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration, ...options });
}

/** One run of one contender on one scenario: requests per second and autocannon's p99 latency (ms). */
interface Sample {
  readonly rps: number;
  readonly p99: number;
}

async function measure(server: ContenderProcess, scenario: HttpScenario): Promise<Sample> {
  const result = await load(server.url(scenario.path), { method: scenario.method, headers: { ...scenario.headers } }, DURATION);
  if (result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${scenario.name}: ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { rps: result.requests.total / result.duration, p99: result.latency.p99 };
}

/** The contenders of one framework run: plain ours always, as the variants' baseline. */
function serversOf(): ServerName[] {
  return [...(PLAIN ? CONTENDERS : ['ours' as const]), ...SELECTED_VARIANTS];
}

/** The scenarios a contender is timed on. */
function scenariosOf(server: ServerName): readonly HttpScenario[] {
  if (server === 'ours+source') return [...VARIANT_SCENARIOS, TENANT_SCENARIO];
  if (server === 'ours+report-only' || !PLAIN) return VARIANT_SCENARIOS;
  return HTTP_SCENARIOS;
}

/**
 * Refuses to measure a contender that does not do the CORS work the scenarios call for (the source
 * variant's first tenant request also fills its lookup cache), or a report-only variant whose hook
 * received no event of the enforced policy or of the candidate.
 */
async function verify(framework: Framework, name: ServerName, server: ContenderProcess): Promise<void> {
  for (const scenario of name === 'ours+source' ? [...HTTP_SCENARIOS, TENANT_SCENARIO] : HTTP_SCENARIOS) {
    const response = await fetch(server.url(scenario.path), { method: scenario.method, headers: scenario.headers });
    await response.arrayBuffer();
    const problem = corsProblem(scenario, name, response.status, response.headers);
    if (problem !== undefined) throw new Error(`${framework}/${name}, ${scenario.name}: ${problem}`);
  }
  if (name === 'ours+report-only') {
    const counts = (await (await fetch(server.url(BENCH_EVENTS_PATH))).json()) as DecisionCounts;
    if (counts.decisions === 0 || counts.reportOnly === 0) throw new Error(`${framework}/${name}: the onDecision hook counted ${JSON.stringify(counts)}`);
  }
}

function start(framework: Framework, name: ServerName): Promise<ContenderProcess> {
  if (framework === 'next') return startNextContender(name, 'route');
  if (framework === 'next-proxy') return startNextContender(name, 'proxy');
  return forkContender(framework, name);
}

function buildNextApp(): void {
  process.stderr.write('building the Next.js bench app (next build) ...\n');
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build', NEXT_APP_DIR], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    throw new Error(`next build failed with ${build.status}`);
  }
}

/** Samples of every cell of one framework, by scenario and contender. */
type Samples = ReadonlyMap<string, readonly Sample[]>;
const cell = (scenario: HttpScenario, server: ServerName) => `${scenario.name}|${server}`;

async function benchFramework(framework: Framework): Promise<string> {
  const names = serversOf();
  const servers = new Map<ServerName, ContenderProcess>();
  try {
    for (const name of names) servers.set(name, await start(framework, name));
    for (const name of names) await verify(framework, name, servers.get(name)!);
    for (const name of names) {
      const server = servers.get(name)!;
      const requests = scenariosOf(name).map((s) => ({ method: s.method, path: new URL(server.url(s.path)).pathname, headers: { ...s.headers } }));
      await load(server.origin, { requests }, WARMUP);
    }
    const samples = new Map<string, Sample[]>();
    for (let run = 0; run < RUNS; run++) {
      const order = names.map((_, i) => names[(i + run) % names.length] as ServerName);
      for (const scenario of [...HTTP_SCENARIOS, TENANT_SCENARIO]) {
        for (const name of order) {
          if (!scenariosOf(name).includes(scenario)) continue;
          const key = cell(scenario, name);
          samples.set(key, [...(samples.get(key) ?? []), await measure(servers.get(name)!, scenario)]);
        }
      }
      process.stderr.write(`  ${framework}: run ${run + 1}/${RUNS} done\n`);
    }
    return [...(PLAIN ? [report(framework, samples)] : []), ...(SELECTED_VARIANTS.length > 0 ? [variantsReport(framework, samples)] : [])].join('\n\n');
  } finally {
    await Promise.all([...servers.values()].map((s) => s.stop()));
  }
}

let misses = 0;

function report(framework: Framework, samples: Samples): string {
  const rows = HTTP_SCENARIOS.map((scenario) => {
    const values = (c: Contender) => samples.get(cell(scenario, c))?.map((s) => s.rps) ?? [NaN];
    const [bare, ours, anchor] = CONTENDERS.map((c) => median(values(c))) as [number, number, number];
    const widest = Math.max(...CONTENDERS.map((c) => spread(values(c))));
    const vsBare = ours / bare;
    const vsAnchor = ours / anchor;
    if (vsBare < 0.97) misses++;
    if (vsAnchor < 1) misses++;
    const n = (v: number) => Math.round(v).toLocaleString('en-US');
    const anchorVsBare = `${(anchor / bare).toFixed(2)}×`;
    return [scenario.name, n(bare), n(ours), n(anchor), ratioCell(vsBare, vsBare >= 0.97, 3), ratioCell(vsAnchor, vsAnchor >= 1, 3), anchorVsBare, percent(widest)];
  });
  const header = ['scenario', 'bare req/s', 'ours req/s', 'anchor req/s', 'ours/bare (≥0.97)', 'ours/anchor (≥1)', 'anchor/bare', 'max spread'];
  return `${LABELS[framework]}\n${formatTable(header, rows)}`;
}

/**
 * The variants table: per scenario, req/s and p99 of plain ours and of each variant run, and each
 * variant's ratios to plain ours. The tenant GET row (source variant only) is compared with plain
 * ours' allowed GET, a static origin granted without a source (marked †).
 */
function variantsReport(framework: Framework, samples: Samples): string {
  const shown = SELECTED_VARIANTS.map((v) => v.replace(/^ours/, ''));
  const n = (v: number) => (Number.isNaN(v) ? '—' : Math.round(v).toLocaleString('en-US'));
  const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
  const ratio = (a: number, b: number, mark: string) => (Number.isNaN(a) || Number.isNaN(b) ? '—' : `${(a / b).toFixed(2)}×${mark}`);
  const rows = [...VARIANT_SCENARIOS, TENANT_SCENARIO].map((scenario) => {
    const tenant = scenario === TENANT_SCENARIO;
    const of = (name: ServerName) => samples.get(cell(scenario, name)) ?? [];
    const med = (name: ServerName, pick: (s: Sample) => number) => (of(name).length === 0 ? NaN : median(of(name).map(pick)));
    const base = tenant ? VARIANT_SCENARIOS[0]! : scenario;
    const oursOf = samples.get(cell(base, 'ours')) ?? [];
    const oursRps = median(oursOf.map((s) => s.rps));
    const oursP99 = median(oursOf.map((s) => s.p99));
    const mark = tenant ? '†' : '';
    const measured = (['ours', ...SELECTED_VARIANTS] as ServerName[]).filter((name) => of(name).length > 0);
    const widest = (pick: (s: Sample) => number) => Math.max(...measured.map((name) => spread(of(name).map(pick))));
    return [
      scenario.name,
      tenant ? '—' : n(oursRps),
      ...SELECTED_VARIANTS.map((v) => n(med(v, (s) => s.rps))),
      ...SELECTED_VARIANTS.map((v) => ratio(med(v, (s) => s.rps), oursRps, mark)),
      tenant ? '—' : ms(oursP99),
      ...SELECTED_VARIANTS.map((v) => ms(med(v, (s) => s.p99))),
      ...SELECTED_VARIANTS.map((v) => ratio(med(v, (s) => s.p99), oursP99, mark)),
      percent(widest((s) => s.rps)),
      percent(widest((s) => s.p99)),
    ];
  });
  const header = [
    'scenario', 'ours req/s', ...shown.map((v) => `${v} req/s`), ...shown.map((v) => `${v}/ours req/s`),
    'ours p99 ms', ...shown.map((v) => `${v} p99 ms`), ...shown.map((v) => `${v}/ours p99`), 'spread req/s', 'spread p99',
  ];
  return `${LABELS[framework]}: ours in production (variants against plain ours)\n${formatTable(header, rows)}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  if (selected.includes('next') || selected.includes('next-proxy')) buildNextApp();
  if (SERVER_CPU !== undefined) spawnSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
  console.log(
    `adapter bench: node ${process.version}, autocannon, ${CONNECTIONS} connections, ${RUNS} runs × ${DURATION} s per cell, ` +
      `medians; variants ${variants.join(',')}; ${SERVER_CPU === undefined ? 'no CPU pinning' : `servers on CPU ${SERVER_CPU}, load generator on CPU 0`}; ` +
      `load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`,
  );
  for (const framework of selected) console.log(`${await benchFramework(framework)}\n`);
  console.log(
    `${!PLAIN ? 'no targets (the plain table was not run)' : misses === 0 ? 'all targets met' : `${misses} target(s) missed`} (${((Date.now() - started) / 1000).toFixed(0)} s; ` +
      `load average at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}).\n` +
      '"anchor/bare": what the usual middleware costs, for scale. "max spread": the widest (max − min) / median ' +
      'across runs of one contender in that row; above ~20% the machine was busy and the row is indicative only.\n' +
      'Variants tables: +source = the seed policy plus a bound lookup source (tenant origin cached after its first request); ' +
      '+report-only = plain enforcement with a report-only candidate (GET only) and a counting onDecision hook. ' +
      'p99: autocannon\'s latency.p99 in whole milliseconds (its histogram\'s resolution), median of the runs. ' +
      '†: tenant GET of +source against plain ours\' allowed GET (a static origin).',
  );
}

await main();

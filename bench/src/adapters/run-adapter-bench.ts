import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { formatTable, median, percent, ratioCell, spread } from '../shared/format-table.js';
import { forkContender, NEXT_APP_DIR, NEXT_BIN, SERVER_CPU, startNextContender, type ContenderProcess } from './contender-process.js';
import { CONTENDERS, corsProblem, HTTP_SCENARIOS, type Contender, type HttpScenario } from './http-scenarios.js';
import type { NodeFramework } from './start-server.js';

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
 *   BENCH_FRAMEWORKS=express,koa,nest,hono,next,next-proxy   BENCH_RUNS=5   BENCH_DURATION=3 (whole
 *   seconds: autocannon rounds up)   BENCH_CONNECTIONS=10   BENCH_PIN=0 (no pinning)
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
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const DURATION = Number(process.env['BENCH_DURATION'] ?? 3);
if (!Number.isInteger(DURATION) || DURATION < 1) throw new Error('BENCH_DURATION must be a whole number of seconds (autocannon rounds up)');
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const WARMUP = 2;

async function load(url: string, options: Partial<autocannon.Options>, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration, ...options });
}

/** Requests per second of one contender on one scenario. */
async function measure(server: ContenderProcess, scenario: HttpScenario): Promise<number> {
  const result = await load(server.url(scenario.path), { method: scenario.method, headers: { ...scenario.headers } }, DURATION);
  if (result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${scenario.name}: ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result.requests.total / result.duration;
}

/** Refuses to measure a contender that does not do the CORS work the scenario calls for. */
async function verify(framework: Framework, contender: Contender, server: ContenderProcess): Promise<void> {
  for (const scenario of HTTP_SCENARIOS) {
    const response = await fetch(server.url(scenario.path), { method: scenario.method, headers: scenario.headers });
    await response.arrayBuffer();
    const problem = corsProblem(scenario, contender, response.status, response.headers);
    if (problem !== undefined) throw new Error(`${framework}/${contender}, ${scenario.name}: ${problem}`);
  }
}

function start(framework: Framework, contender: Contender): Promise<ContenderProcess> {
  if (framework === 'next') return startNextContender(contender, 'route');
  if (framework === 'next-proxy') return startNextContender(contender, 'proxy');
  return forkContender(framework, contender);
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

async function benchFramework(framework: Framework): Promise<string> {
  const servers = new Map<Contender, ContenderProcess>();
  try {
    for (const contender of CONTENDERS) servers.set(contender, await start(framework, contender));
    for (const contender of CONTENDERS) await verify(framework, contender, servers.get(contender)!);
    for (const contender of CONTENDERS) {
      const server = servers.get(contender)!;
      const requests = HTTP_SCENARIOS.map((s) => ({ method: s.method, path: new URL(server.url(s.path)).pathname, headers: { ...s.headers } }));
      await load(server.origin, { requests }, WARMUP);
    }
    const rps = new Map<string, number[]>();
    for (let run = 0; run < RUNS; run++) {
      const order = CONTENDERS.map((_, i) => CONTENDERS[(i + run) % CONTENDERS.length] as Contender);
      for (const scenario of HTTP_SCENARIOS) {
        for (const contender of order) {
          const key = `${scenario.name}|${contender}`;
          rps.set(key, [...(rps.get(key) ?? []), await measure(servers.get(contender)!, scenario)]);
        }
      }
      process.stderr.write(`  ${framework}: run ${run + 1}/${RUNS} done\n`);
    }
    return report(framework, rps);
  } finally {
    await Promise.all([...servers.values()].map((s) => s.stop()));
  }
}

let misses = 0;

function report(framework: Framework, rps: Map<string, number[]>): string {
  const rows = HTTP_SCENARIOS.map((scenario) => {
    const values = (c: Contender) => rps.get(`${scenario.name}|${c}`) ?? [NaN];
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

async function main(): Promise<void> {
  const started = Date.now();
  if (selected.includes('next') || selected.includes('next-proxy')) buildNextApp();
  if (SERVER_CPU !== undefined) spawnSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
  console.log(
    `adapter bench: node ${process.version}, autocannon, ${CONNECTIONS} connections, ${RUNS} runs × ${DURATION} s per cell, ` +
      `medians; ${SERVER_CPU === undefined ? 'no CPU pinning' : `servers on CPU ${SERVER_CPU}, load generator on CPU 0`}; ` +
      `load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`,
  );
  for (const framework of selected) console.log(`${await benchFramework(framework)}\n`);
  console.log(
    `${misses === 0 ? 'all targets met' : `${misses} target(s) missed`} (${((Date.now() - started) / 1000).toFixed(0)} s; ` +
      `load average at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}).\n` +
      '"anchor/bare": what the usual middleware costs, for scale. "max spread": the widest (max − min) / median ' +
      'across runs of one contender in that row; above ~20% the machine was busy and the row is indicative only.',
  );
}

await main();

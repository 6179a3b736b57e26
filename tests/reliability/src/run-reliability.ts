import fc from 'fast-check';
import type { RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { hostileRequest, requestBytes, type HostileRequest } from './hostile-request.js';
import type { Host, RunningHost } from './hosts.js';
import { ClosedWithoutResponse, RawConnection } from './raw-client.js';
import { checkResponse, type Violation } from './response-checks.js';

/*
 * Sends the same `requests` random and adversarial requests to every host (generated once, batch by
 * batch, so 10⁶ requests are never held at once), over `connections` keep-alive connections per host,
 * and checks every answer. The process's uncaught exceptions and unhandled rejections are counted.
 * The retained heap is read (after full GCs) once the hosts have warmed up and again at the end, so a
 * leak per request shows as growth.
 */

export interface ReliabilityOptions {
  readonly requests: number;
  readonly connections?: number;
  /** fast-check seed: the same seed sends the same requests. */
  readonly seed?: number;
}

export interface HostReport {
  readonly host: string;
  readonly requests: number;
  /** Seconds spent sending and checking this host's requests. */
  readonly seconds: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** The server closed the connection without a whole response (Node drops some unparseable requests). */
  readonly closedWithoutResponse: number;
  /** The first few requests it closed on. */
  readonly closedOn: readonly string[];
  /** Every violation counted; the first few kept with their request. */
  readonly violationCount: number;
  readonly violations: ReadonlyArray<Violation & { readonly request: string }>;
}

export interface ReliabilityReport {
  readonly hosts: readonly HostReport[];
  readonly uncaught: number;
  readonly heapBeforeBytes: number;
  readonly heapAfterBytes: number;
  readonly seconds: number;
}

const BATCH = 2_000;
/** Requests sent before the measured run, so code paths are compiled and Node's pools filled. */
const WARM_UP = 20_000;
const MAX_KEPT_VIOLATIONS = 20;

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run node with --expose-gc (vitest.config.ts sets it for this package)');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

function describe(request: HostileRequest): string {
  const lines = request.lines.map(([name, value]) => `${name}: ${typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : `<${value.length} bytes>`}`);
  return `${request.method} ${request.path.slice(0, 80)} ${lines.join('; ')}`;
}

interface Batch {
  readonly requests: readonly HostileRequest[];
  readonly bytes: readonly Buffer[];
}

function makeBatch(size: number, seed: number): Batch {
  const requests = fc.sample(hostileRequest, { seed, numRuns: size });
  return { requests, bytes: requests.map(requestBytes) };
}

/** One host's side of the run: its connections and its tallies. */
class HostRun {
  private readonly connections: RawConnection[];
  private readonly statuses: Record<string, number> = {};
  private readonly violations: Array<Violation & { request: string }> = [];
  private violationCount = 0;
  private closedWithoutResponse = 0;
  private readonly closedOn: string[] = [];
  private handled = 0;
  private milliseconds = 0;

  constructor(private readonly host: Host, private readonly running: RunningHost, private readonly policy: RuntimeCorsPolicy, connections: number) {
    this.connections = Array.from({ length: connections }, () => new RawConnection(running.port));
  }

  async send(batch: Batch, counted: boolean): Promise<void> {
    const started = performance.now();
    let next = 0;
    await Promise.all(this.connections.map(async (connection) => {
      for (let i = next++; i < batch.requests.length; i = next++) await this.one(connection, batch.requests[i] as HostileRequest, batch.bytes[i] as Buffer, counted);
    }));
    if (counted) this.milliseconds += performance.now() - started;
  }

  report(): HostReport {
    return {
      host: this.host.name, requests: this.handled, seconds: this.milliseconds / 1000, statuses: this.statuses,
      closedWithoutResponse: this.closedWithoutResponse, closedOn: this.closedOn, violationCount: this.violationCount, violations: this.violations,
    };
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.close();
    await this.running.close();
  }

  private async one(connection: RawConnection, request: HostileRequest, bytes: Buffer, counted: boolean): Promise<void> {
    try {
      const response = await connection.send(bytes, request.method === 'HEAD');
      const violation = checkResponse(this.policy, request, response);
      if (!counted) return;
      this.handled++;
      this.statuses[response.status] = (this.statuses[response.status] ?? 0) + 1;
      if (violation !== undefined && this.violationCount++ < MAX_KEPT_VIOLATIONS) this.violations.push({ ...violation, request: describe(request) });
    } catch (error) {
      if (!(error instanceof ClosedWithoutResponse)) throw new Error(`${this.host.name}: ${(error as Error).message} for ${describe(request)}`);
      if (counted) {
        this.handled++;
        if (this.closedWithoutResponse++ < MAX_KEPT_VIOLATIONS) this.closedOn.push(describe(request));
      }
    }
  }
}

export async function runReliability(hosts: readonly Host[], policy: RuntimeCorsPolicy, options: ReliabilityOptions): Promise<ReliabilityReport> {
  const seed = options.seed ?? 20261126;
  let uncaught = 0;
  const onUncaught = () => void uncaught++;
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  const runs: HostRun[] = [];
  try {
    for (const host of hosts) runs.push(new HostRun(host, await host.start(policy), policy, options.connections ?? 8));
    for (let sent = 0, b = 0; sent < WARM_UP; sent += BATCH, b++) {
      const batch = makeBatch(BATCH, seed - 1 - b);
      for (const run of runs) await run.send(batch, false);
    }
    // The heap is read after the first measured batch: the run's first batch leaves a one-time step of
    // ~4.5 MiB on Node 20 whatever the warm-up and the run's length (+4.3 MiB after 2·10⁴ requests,
    // +4.7 after 10⁵, +4.8 after 1.2·10⁵; flat from then on, batch after batch). Reading after it
    // compares steady states, so growth means memory kept per request.
    let heapBeforeBytes = 0;
    const started = performance.now();
    for (let sent = 0, b = 0; sent < options.requests; b++) {
      const batch = makeBatch(Math.min(BATCH, options.requests - sent), seed + b);
      for (const run of runs) await run.send(batch, true);
      sent += batch.requests.length;
      if (b === 0) heapBeforeBytes = heapUsed();
    }
    const seconds = (performance.now() - started) / 1000;
    return { hosts: runs.map((run) => run.report()), uncaught, heapBeforeBytes, heapAfterBytes: heapUsed(), seconds };
  } finally {
    for (const run of runs) await run.close();
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  }
}

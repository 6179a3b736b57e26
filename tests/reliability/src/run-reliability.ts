import fc from 'fast-check';
import type { RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { hostileRequest, requestBytes, type HostileRequest } from './hostile-request.js';
import type { Host } from './hosts.js';
import { ClosedWithoutResponse, RawConnection } from './raw-client.js';
import { checkResponse, type Violation } from './response-checks.js';

/*
 * Sends `requests` random and adversarial requests to one host over `connections` keep-alive
 * connections and checks every answer. The process's uncaught exceptions and unhandled rejections are
 * counted too. The retained heap is read (after full GCs) once the host has warmed up and again at the
 * end, so a leak per request shows as growth.
 */

export interface ReliabilityOptions {
  readonly requests: number;
  readonly connections?: number;
  /** fast-check seed: the same seed sends the same requests. */
  readonly seed?: number;
}

export interface ReliabilityReport {
  readonly host: string;
  readonly requests: number;
  readonly seconds: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** The server closed the connection without a whole response (Node drops some unparseable requests). */
  readonly closedWithoutResponse: number;
  readonly uncaught: number;
  /** Every violation counted; the first few kept with their request. */
  readonly violationCount: number;
  readonly violations: ReadonlyArray<Violation & { readonly request: string }>;
  readonly heapBeforeBytes: number;
  readonly heapAfterBytes: number;
}

const BATCH = 2_000;
const WARM_UP = 5_000;
const MAX_KEPT_VIOLATIONS = 20;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run node with --expose-gc (vitest.config.ts sets it for this package)');
  for (let i = 0; i < 3; i++) gc();
}

function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Requests generated lazily, batch by batch: 10⁶ requests are never held in memory at once. */
function* requestStream(total: number, seed: number): Generator<HostileRequest> {
  for (let sent = 0, batch = 0; sent < total; batch++) {
    const size = Math.min(BATCH, total - sent);
    yield* fc.sample(hostileRequest, { seed: seed + batch, numRuns: size });
    sent += size;
  }
}

function describe(request: HostileRequest): string {
  const lines = request.lines.map(([name, value]) => `${name}: ${typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : `<${value.length} bytes>`}`);
  return `${request.method} ${request.path.slice(0, 80)} ${lines.join('; ')}`;
}

export async function runReliability(host: Host, policy: RuntimeCorsPolicy, options: ReliabilityOptions): Promise<ReliabilityReport> {
  const connections = options.connections ?? 8;
  const seed = options.seed ?? 20261126;
  let uncaught = 0;
  const onUncaught = () => void uncaught++;
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  const running = await host.start(policy);
  const statuses: Record<string, number> = {};
  const violations: Array<Violation & { request: string }> = [];
  let violationCount = 0;
  let closedWithoutResponse = 0;
  let heapBeforeBytes = 0;

  try {
    const stream = requestStream(WARM_UP + options.requests, seed);
    let handled = 0;
    let started = 0;
    const worker = async () => {
      const connection = new RawConnection(running.port);
      let previous: HostileRequest = { method: '-', path: '-', lines: [] };
      let current = previous;
      try {
        for (let next = stream.next(); !next.done; next = stream.next()) {
          const request = next.value;
          previous = current;
          current = request;
          try {
            const response = await connection.send(requestBytes(request), request.method === 'HEAD');
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            const violation = checkResponse(policy, request, response);
            if (violation !== undefined && violationCount++ < MAX_KEPT_VIOLATIONS) violations.push({ ...violation, request: describe(request) });
          } catch (error) {
            if (!(error instanceof ClosedWithoutResponse)) throw new Error(`${(error as Error).message} after ${describe(previous)} then ${describe(request)}`);
            closedWithoutResponse++;
          }
          if (++handled === WARM_UP) {
            heapBeforeBytes = heapUsed();
            started = performance.now();
          }
        }
      } finally {
        connection.close();
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    const seconds = (performance.now() - started) / 1000;
    const heapAfterBytes = heapUsed();
    return { host: host.name, requests: handled - WARM_UP, seconds, statuses, closedWithoutResponse, uncaught, violationCount, violations, heapBeforeBytes, heapAfterBytes };
  } finally {
    await running.close();
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  }
}

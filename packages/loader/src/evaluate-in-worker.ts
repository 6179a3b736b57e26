import { MessageChannel, Worker } from 'node:worker_threads';
import type { PlainExport } from './describe-exports.js';
import { describeThrown } from './describe-thrown.js';
import { PolicyLoadError, type PolicyLoadErrorCode } from './policy-load-error.js';
import type { PolicyWorkerReply, PolicyWorkerRequest } from './policy-worker-protocol.js';

/** How long a policy file may take to load unless told otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** What to evaluate, and for how long at most. */
export interface WorkerEvaluation {
  readonly absolutePath: string;
  readonly displayPath: string;
  readonly source?: string | undefined;
  readonly timeoutMs: number;
}

/**
 * Evaluates a policy module in a worker thread and resolves to its exports as plain data. Rejects with
 * a {@link PolicyLoadError}: `timed-out` after `timeoutMs` (the worker is terminated), `exited` when the
 * file ends the thread itself, or the code the worker reported (syntax error, threw…).
 */
export function evaluateInWorker(evaluation: WorkerEvaluation): Promise<PlainExport[]> {
  const { displayPath: file, timeoutMs } = evaluation;
  const { port1, port2 } = new MessageChannel();
  const request: PolicyWorkerRequest = { absolutePath: evaluation.absolutePath, displayPath: file, source: evaluation.source, port: port2 };
  const worker = new Worker(new URL('./policy-worker.js', import.meta.url), {
    workerData: request,
    transferList: [port2],
    // A policy file's console output must not mix into reports (or reach the terminal raw).
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  worker.stdout.resume();
  worker.stderr.resume();

  return new Promise<PlainExport[]>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      port1.close();
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new PolicyLoadError('timed-out', file, `${file} did not finish loading within ${timeoutMs / 1000} s (a promise that never settles, or an endless loop?)`)));
    }, timeoutMs);
    port1.once('message', (reply: unknown) => settle(() => (isValidReply(reply) ? fromReply(reply, file, resolve, reject) : reject(new PolicyLoadError('evaluation-error', file, `${file} sent back a malformed result`)))));
    worker.once('error', (error: unknown) => {
      const outOfMemory = (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(() => reject(new PolicyLoadError(outOfMemory ? 'exited' : 'evaluation-error', file, outOfMemory ? `${file} ran out of memory while loading` : describeThrown(error, file))));
    });
    worker.once('exit', (code) => {
      settle(() => reject(new PolicyLoadError('exited', file, `${file} did not finish loading: it ended the process itself (exit code ${code}), or waited on something that never settles`)));
    });
  });
}

function fromReply(reply: PolicyWorkerReply, file: string, resolve: (exports: PlainExport[]) => void, reject: (error: unknown) => void): void {
  if (reply.ok) resolve([...reply.exports]);
  else reject(new PolicyLoadError(reply.code, file, reply.message, reply.line === undefined ? undefined : { line: reply.line, column: reply.column ?? 1 }));
}

const WORKER_CODES: ReadonlySet<PolicyLoadErrorCode> = new Set(['syntax-error', 'evaluation-error', 'no-policy', 'too-deep', 'file-not-found']);

/** The reply crossed a thread boundary from code that ran a policy file: check its shape before use. */
function isValidReply(reply: unknown): reply is PolicyWorkerReply {
  if (typeof reply !== 'object' || reply === null) return false;
  const r = reply as Record<string, unknown>;
  if (r['ok'] === true) {
    return Array.isArray(r['exports']) && r['exports'].every((e: unknown) => {
      if (typeof e !== 'object' || e === null || typeof (e as { exportName?: unknown }).exportName !== 'string') return false;
      const entry = e as Record<string, unknown>;
      if ('unsupported' in entry) {
        const u = entry['unsupported'] as { path?: unknown; what?: unknown } | null;
        return typeof u === 'object' && u !== null && Array.isArray(u.path) && u.path.every((p) => typeof p === 'string' || typeof p === 'number') && typeof u.what === 'string' && (entry['name'] === undefined || typeof entry['name'] === 'string');
      }
      return 'input' in entry && (entry['environment'] === undefined || typeof entry['environment'] === 'string');
    });
  }
  return (
    r['ok'] === false &&
    WORKER_CODES.has(r['code'] as PolicyLoadErrorCode) &&
    typeof r['message'] === 'string' &&
    (r['line'] === undefined || Number.isInteger(r['line'])) &&
    (r['column'] === undefined || Number.isInteger(r['column']))
  );
}

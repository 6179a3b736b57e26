/*
 * Worker entry: evaluates one policy module with jiti and posts back plain data. Running policy code
 * here means `process.exit` ends only this thread, a promise that never settles or an endless loop is
 * ended by `terminate()`, and nothing the file returns reaches the loader except copied data.
 */
import { workerData } from 'node:worker_threads';
import { createJiti } from 'jiti';
import { describeExports, TooDeepError, type RefusedDefinition } from './describe-exports.js';
import { lenientCore } from './lenient-core.js';
import { loadErrorFromThrown } from './load-error-from-thrown.js';
import type { PolicyWorkerReply, PolicyWorkerRequest } from './policy-worker-protocol.js';

const request = workerData as PolicyWorkerRequest;
const port = request.port;
// The policy file can import `worker_threads` too: do not leave it the reply channel.
(workerData as { port?: unknown }).port = undefined;

const refusals = new Map<object, RefusedDefinition>();
const jiti = createJiti(import.meta.url, {
  moduleCache: false,
  fsCache: false,
  interopDefault: false,
  virtualModules: { '@org/cors-core': lenientCore(refusals) },
});

async function evaluate(): Promise<PolicyWorkerReply> {
  const { absolutePath, displayPath, source } = request;
  try {
    const extension = absolutePath.slice(absolutePath.lastIndexOf('.'));
    const exports =
      source === undefined
        ? await jiti.import(absolutePath)
        : await jiti.evalModule(source, { filename: absolutePath, id: absolutePath, ext: extension, async: true });
    return { ok: true, exports: describeExports(exports, refusals) };
  } catch (error) {
    if (error instanceof TooDeepError) {
      return { ok: false, code: 'too-deep', message: `${displayPath} holds a policy ${error.message}`, line: undefined, column: undefined };
    }
    const failure = loadErrorFromThrown(error, displayPath);
    return { ok: false, code: failure.code, message: failure.message, line: failure.line, column: failure.column };
  }
}

// No top-level await: the same file also builds as CommonJS.
void evaluate().then((reply) => port?.postMessage(reply));

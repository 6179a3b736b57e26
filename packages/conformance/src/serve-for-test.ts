import type { RequestListener } from 'node:http';
import { onTestFinished } from 'vitest';
import { startServer } from './start-server.js';
import type { RunningTarget } from './target.js';

/**
 * Serves `listener` on `127.0.0.1` at a free port (Node's default 16 KiB header limit) for the
 * current test only: the server closes when the test finishes, pass or fail. Call it inside a test.
 *
 * @returns the server's `http://127.0.0.1:<port>`
 * @example const url = await serveForTest(app); // an Express app, Koa's app.callback(), …
 */
export async function serveForTest(listener: RequestListener): Promise<string> {
  let running: RunningTarget | undefined;
  onTestFinished(() => running?.close());
  running = await startServer(listener, { maxHeaderSize: 16 * 1024 });
  return running.url;
}

import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConformanceServerOptions, RunningTarget } from './target.js';

/**
 * Serves a request listener on `127.0.0.1` at a free port: the usual body of a target's `start`.
 *
 * @example start: ({ policy, serverOptions }) => startServer(buildApp(policy), serverOptions)
 */
export async function startServer(listener: RequestListener, options: ConformanceServerOptions): Promise<RunningTarget> {
  const server = createServer({ maxHeaderSize: options.maxHeaderSize }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';

/** Starts the service on `host:port` (port 0 picks a free one) and resolves with its URL. */
export function startService(options: { port: number; host?: string; environment?: string }): Promise<{ url: string; server: Server }> {
  const host = options.host ?? '127.0.0.1';
  const app = createApp(options.environment);
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://${host}:${port}`, server });
    });
  });
}

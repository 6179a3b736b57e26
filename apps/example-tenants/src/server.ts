import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTenantApp, type TenantAppOptions } from './app.js';

export interface RunningTenantService {
  readonly url: string;
  readonly server: Server;
  /** Stops accepting connections, then stops the source and closes the store. */
  stop(): Promise<void>;
}

/** Starts the service on `host:port` (port 0 picks a free one) once the first listing is in. */
export async function startTenantService(options: TenantAppOptions & { port: number; host?: string }): Promise<RunningTenantService> {
  const host = options.host ?? '127.0.0.1';
  const { app, close } = await createTenantApp(options);
  const server = app.listen(options.port, host);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.once('listening', resolve);
    });
  } catch (error) {
    await close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    server,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
    },
  };
}

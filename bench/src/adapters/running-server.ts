import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** A contender listening on 127.0.0.1. */
export interface RunningServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Waits for a server (already told to listen) and wraps it. */
export async function listening(server: Server, close?: () => Promise<void>): Promise<RunningServer> {
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: close ?? (() => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    })),
  };
}

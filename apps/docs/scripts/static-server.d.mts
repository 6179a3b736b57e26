import type { Server } from 'node:http';

/** Serves `root` on host:port (port 0 picks a free one). Resolves once listening, with the base URL. */
export function startStaticServer(options: { root: string; port?: number; host?: string }): Promise<{ server: Server; url: string }>;

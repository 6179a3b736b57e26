import type { ServerName } from './http-scenarios.js';
import type { RunningServer } from './running-server.js';
import { startExpress } from './servers/express-server.js';
import { startHono } from './servers/hono-server.js';
import { startKoa } from './servers/koa-server.js';
import { startNest } from './servers/nest-server.js';

/** Frameworks whose contenders are started in-process (Next.js runs under `next start` instead). */
export type NodeFramework = 'express' | 'koa' | 'nest' | 'hono';
export const NODE_FRAMEWORKS: readonly NodeFramework[] = ['express', 'koa', 'nest', 'hono'];

const STARTERS: Readonly<Record<NodeFramework, (contender: ServerName) => Promise<RunningServer>>> = {
  express: startExpress,
  koa: startKoa,
  nest: startNest,
  hono: startHono,
};

/** Starts one contender (or variant of ours) of one framework on 127.0.0.1, on a free port. */
export function startServer(framework: NodeFramework, contender: ServerName): Promise<RunningServer> {
  return STARTERS[framework](contender);
}

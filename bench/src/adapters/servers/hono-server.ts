import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { cors as policyCors } from '@org/cors-fetch';
import { apiPolicyInput } from '@org/cors-policies';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS, POLICY_ORIGINS } from '../../shared/bench-rules.js';
import { compiledJson } from '../../shared/runtime-path.js';
import type { Contender } from '../http-scenarios.js';
import { listening, type RunningServer } from '../running-server.js';

/** @org/cors-fetch's Hono middleware given the compiled seed policy (as a deployment loads it). */
function oursOnHono(): MiddlewareHandler {
  return policyCors(JSON.parse(compiledJson(apiPolicyInput))) as unknown as MiddlewareHandler;
}

/** Hono 4 on @hono/node-server with one JSON route; `ours` is @org/cors-fetch, `anchor` hono/cors. */
export function startHono(contender: Contender): Promise<RunningServer> {
  const app = new Hono();
  if (contender === 'ours') app.use(oursOnHono());
  if (contender === 'anchor') {
    app.use(honoCors({
      origin: [...POLICY_ORIGINS],
      credentials: CREDENTIALS,
      allowMethods: [...METHODS],
      allowHeaders: [...ALLOW_HEADERS],
      exposeHeaders: [...EXPOSE_HEADERS],
      maxAge: MAX_AGE,
    }));
  }
  app.get('/api/items', (c) => c.json({ items: [] }));
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  return listening(server.listen(0, '127.0.0.1'));
}

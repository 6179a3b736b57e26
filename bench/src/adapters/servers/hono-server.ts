import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { preflightResponse, resolveCors, webRequestFacts, withCorsHeaders } from '@org/cors-core/runtime';
import { apiPolicyInput } from '@org/cors-policies';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS, POLICY_ORIGINS } from '../../shared/bench-rules.js';
import { runtimePolicy } from '../../shared/runtime-path.js';
import type { Contender } from '../http-scenarios.js';
import { listening, type RunningServer } from '../running-server.js';

/**
 * Ours on Hono: the compiled seed policy and the runtime's Web writers in a Hono middleware.
 * (@org/cors-fetch, the packaged form of this, is not on main yet; when it is, it replaces this.)
 */
function oursOnHono(): MiddlewareHandler {
  const policy = runtimePolicy(apiPolicyInput);
  return async (c, next) => {
    const decision = resolveCors(policy, webRequestFacts(c.req.raw));
    if (decision.end) return preflightResponse(decision);
    await next();
    c.res = withCorsHeaders(c.res, decision);
  };
}

/** Hono 4 on @hono/node-server with one JSON route; `ours` is the runtime as a middleware, `anchor` hono/cors. */
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

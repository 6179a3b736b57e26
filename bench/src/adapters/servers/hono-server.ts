import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { cors as policyCors } from '@org/cors-fetch';
import { cors as observedCors } from '@org/cors-fetch/observed';
import { apiPolicyInput } from '@org/cors-policies';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS, POLICY_ORIGINS } from '../../shared/bench-rules.js';
import { compiledJson } from '../../shared/runtime-path.js';
import type { ServerName } from '../http-scenarios.js';
import { listening, type RunningServer } from '../running-server.js';
import { BENCH_EVENTS_PATH, decisionCounter, reportOnlyCandidate, sourceBoundPolicy } from '../variant-policies.js';

/** The compiled seed policy, as a deployment loads it. */
const compiled = () => JSON.parse(compiledJson(apiPolicyInput));

/** @org/cors-fetch's Hono middleware as Hono's type (ours declares only the context it reads). */
const onHono = (middleware: ReturnType<typeof policyCors>) => middleware as unknown as MiddlewareHandler;

/**
 * Hono 4 on @hono/node-server with one JSON route; `ours` is @org/cors-fetch, `anchor` hono/cors;
 * `ours+source` (source bound to the compiled policy) and `ours+report-only` (from
 * `@org/cors-fetch/observed`) are ours in production (variant-policies.ts).
 */
export function startHono(contender: ServerName): Promise<RunningServer> {
  const app = new Hono();
  if (contender === 'ours') app.use(onHono(policyCors(compiled())));
  if (contender === 'ours+source') app.use(onHono(policyCors(sourceBoundPolicy('compiled'))));
  if (contender === 'ours+report-only') {
    const counter = decisionCounter();
    app.use(onHono(observedCors(compiled(), { reportOnly: reportOnlyCandidate(), onDecision: counter.onDecision })));
    app.get(BENCH_EVENTS_PATH, (c) => c.json(counter.counts()));
  }
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

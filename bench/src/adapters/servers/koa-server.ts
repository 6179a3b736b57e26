import { createServer } from 'node:http';
import koaCors from '@koa/cors';
import Koa from 'koa';
import { cors as policyCors } from '@org/cors-koa';
import { apiPolicy } from '@org/cors-policies';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS, POLICY_ORIGINS } from '../../shared/bench-rules.js';
import type { ServerName } from '../http-scenarios.js';
import { listening, type RunningServer } from '../running-server.js';
import { BENCH_EVENTS_PATH, decisionCounter, reportOnlyCandidate, sourceBoundPolicy } from '../variant-policies.js';

/**
 * Koa 3 with one JSON route; `ours` mounts @org/cors-koa, `anchor` @koa/cors; `ours+source` and
 * `ours+report-only` are ours in production (variant-policies.ts).
 */
export function startKoa(contender: ServerName): Promise<RunningServer> {
  const app = new Koa();
  const counter = contender === 'ours+report-only' ? decisionCounter() : undefined;
  if (contender === 'ours') app.use(policyCors(apiPolicy));
  if (contender === 'ours+source') app.use(policyCors(sourceBoundPolicy('authoring')));
  if (counter !== undefined) app.use(policyCors(apiPolicy, { reportOnly: reportOnlyCandidate(), onDecision: counter.onDecision }));
  if (contender === 'anchor') {
    // @koa/cors takes one origin or a function: an allow-list is a function, as its README shows.
    const allowed = new Set(POLICY_ORIGINS);
    app.use(koaCors({
      origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''),
      credentials: CREDENTIALS,
      allowMethods: [...METHODS],
      allowHeaders: [...ALLOW_HEADERS],
      exposeHeaders: [...EXPOSE_HEADERS],
      maxAge: MAX_AGE,
    }));
  }
  app.use((ctx) => {
    if (ctx.method === 'GET' && ctx.path === '/api/items') ctx.body = { items: [] };
    else if (counter !== undefined && ctx.method === 'GET' && ctx.path === BENCH_EVENTS_PATH) ctx.body = counter.counts();
  });
  return listening(createServer(app.callback()).listen(0, '127.0.0.1'));
}

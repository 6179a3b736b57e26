import cors from 'cors';
import express from 'express';
import { cors as policyCors } from '@org/cors-express';
import { apiPolicy } from '@org/cors-policies';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS, POLICY_ORIGINS } from '../../shared/bench-rules.js';
import type { ServerName } from '../http-scenarios.js';
import { listening, type RunningServer } from '../running-server.js';
import { BENCH_EVENTS_PATH, decisionCounter, reportOnlyCandidate, sourceBoundPolicy } from '../variant-policies.js';

/**
 * Express 5 with one JSON route; `ours` mounts @org/cors-express, `anchor` the `cors` package;
 * `ours+source` and `ours+report-only` are ours in production (variant-policies.ts).
 */
export function startExpress(contender: ServerName): Promise<RunningServer> {
  const app = express();
  if (contender === 'ours') app.use(policyCors(apiPolicy));
  if (contender === 'ours+source') app.use(policyCors(sourceBoundPolicy('authoring')));
  if (contender === 'ours+report-only') {
    const counter = decisionCounter();
    app.use(policyCors(apiPolicy, { reportOnly: reportOnlyCandidate(), onDecision: counter.onDecision }));
    app.get(BENCH_EVENTS_PATH, (_req, res) => {
      res.json(counter.counts());
    });
  }
  if (contender === 'anchor') {
    app.use(cors({
      origin: [...POLICY_ORIGINS],
      credentials: CREDENTIALS,
      methods: [...METHODS],
      allowedHeaders: [...ALLOW_HEADERS],
      exposedHeaders: [...EXPOSE_HEADERS],
      maxAge: MAX_AGE,
    }));
  }
  app.get('/api/items', (_req, res) => {
    res.json({ items: [] });
  });
  return listening(app.listen(0, '127.0.0.1'));
}

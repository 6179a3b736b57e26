import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sendRequest, serveForTest } from '@org/cors-conformance';
import { decisionLogger, definePolicy } from '@org/cors-core';
import express from 'express';
import pino from 'pino';
import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { cors } from '../src/index.js';

/*
 * docs/decision-events.md, "Counting refusals with prom-client and logging them with pino": the block
 * between the guide markers below is the guide's code, verbatim (the first test holds them equal).
 */
const GUIDE = fileURLToPath(new URL('../../../docs/decision-events.md', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

const apiPolicy = definePolicy({ name: 'api', origins: ['https://app.example.com'], methods: ['GET', 'PUT'], allowHeaders: ['Content-Type'] });

function setUp() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(chunk.toString()); done(); } });
  const registry = new Registry();
  const logger = pino(stream);
  const app = express();
  // guide:start
  const refusals = new Counter({
    name: 'cors_refusals_total',
    help: 'CORS requests the policy refused, by reason',
    labelNames: ['kind', 'reason', 'route'],
    registers: [registry],
  });
  const log = decisionLogger(logger);

  app.use(cors(apiPolicy, {
    onDecision: (event) => {
      if (!event.reportOnly && event.kind.endsWith('-refused')) {
        refusals.inc({ kind: event.kind, reason: event.reason, route: event.route ?? '(top level)' });
      }
      log(event);
    },
  }));
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  // guide:end
  app.all('/{*path}', (_req, res) => res.send('ok'));
  return { app, lines };
}

/** The code between the markers, without its indentation. */
function guideBlock(source: string): string {
  const block = source.slice(source.indexOf('// guide:start\n') + '// guide:start\n'.length, source.indexOf('  // guide:end'));
  return block.split('\n').map((line) => line.replace(/^ {2}/, '')).join('\n').trim();
}

describe('the decision-events guide', () => {
  it('shows exactly the code this test runs', () => {
    expect(readFileSync(GUIDE, 'utf8')).toContain(guideBlock(readFileSync(SELF, 'utf8')));
  });

  it('counts refusals in a real prom-client registry, served over real HTTP, and logs them with pino', async () => {
    const { app, lines } = setUp();
    const url = await serveForTest(app);
    await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://app.example.com' } });
    await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://evil.example' } });
    await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://evil.example' } });
    await sendRequest(url, { method: 'OPTIONS', path: '/api/items', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PATCH' } });

    const metrics = await sendRequest(url, { method: 'GET', path: '/metrics', headers: {} });
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('cors_refusals_total{kind="actual-refused",reason="origin-not-allowed",route="(top level)"} 2');
    expect(metrics.body).toContain('cors_refusals_total{kind="preflight-refused",reason="method-not-allowed",route="(top level)"} 1');
    expect(metrics.body).not.toContain('origin-allowed');

    const records = lines.map((line) => JSON.parse(line) as { level: number; time: number; msg: string; cors: { reason: string; origin: string } });
    expect(records.map((r) => [r.level, r.cors.reason, r.cors.origin])).toEqual([
      [40, 'origin-not-allowed', 'https://evil.example'],
      [40, 'origin-not-allowed', 'https://evil.example'],
      [40, 'method-not-allowed', 'https://app.example.com'],
    ]);
    expect(records[0]?.msg).toBe('CORS refused request from https://evil.example (GET /api/items): origin-not-allowed');
    expect(typeof records[0]?.time).toBe('number');
  });
});

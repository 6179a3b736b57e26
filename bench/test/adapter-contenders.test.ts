import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextContender } from '../next-app/app/api/items/contenders.js';
import { proxyContender } from '../next-app/proxy-contenders.js';
import { CONTENDERS, corsProblem, HTTP_SCENARIOS, type Contender } from '../src/adapters/http-scenarios.js';
import type { RunningServer } from '../src/adapters/running-server.js';
import { NODE_FRAMEWORKS, startServer } from '../src/adapters/start-server.js';

/*
 * The adapter bench measures these servers, so each contender must answer every scenario with the
 * CORS headers it is expected to send (bare: none; ours and the anchor: the policy's answer).
 * Real servers on 127.0.0.1, one request per scenario; no timings.
 */

describe.each(NODE_FRAMEWORKS)('%s', (framework) => {
  const servers = new Map<Contender, RunningServer>();
  beforeAll(async () => {
    for (const contender of CONTENDERS) servers.set(contender, await startServer(framework, contender));
  });
  afterAll(async () => {
    await Promise.all([...servers.values()].map((s) => s.close()));
  });

  describe.each(CONTENDERS)('%s', (contender) => {
    it.each(HTTP_SCENARIOS)('answers "$name" with the expected CORS headers', async (scenario) => {
      const { port } = servers.get(contender)!;
      const response = await fetch(`http://127.0.0.1:${port}${scenario.path}`, { method: scenario.method, headers: scenario.headers });
      const body = await response.text();
      expect(corsProblem(scenario, contender, response.status, response.headers)).toBeUndefined();
      if (scenario.method === 'GET') expect(JSON.parse(body)).toEqual({ items: [] });
    });
  });
});

/*
 * Next.js contenders are route handlers; the bench serves them with `next start` (and checks them over
 * HTTP before measuring). Here they are called as Next.js calls them, with a Request.
 */
describe('next route handlers', () => {
  describe.each(CONTENDERS)('%s', (contender) => {
    it.each(HTTP_SCENARIOS)('answers "$name" with the expected CORS headers', async (scenario) => {
      const handlers = nextContender(contender);
      const handler = scenario.method === 'GET' ? handlers.GET : handlers.OPTIONS;
      if (handler === undefined) {
        // No OPTIONS export: Next.js answers it with 204 and `Allow`, never with CORS headers.
        expect(contender).toBe('bare');
        return;
      }
      const request = new Request(`http://127.0.0.1${scenario.path}`, { method: scenario.method, headers: scenario.headers });
      const response = await handler(request, { params: Promise.resolve({}) });
      expect(corsProblem(scenario, contender, response.status, response.headers)).toBeUndefined();
    });
  });

  it('refuses an unknown contender name instead of benchmarking the bare handler', () => {
    expect(() => nextContender('cors')).toThrow(/Unknown BENCH_CONTENDER/);
  });
});

/*
 * The proxy rows: each contender's proxy.ts function in front of a bare route. Called as Next.js calls
 * it, with a Request; `NextResponse.next()` stands for the route's answer (its headers are merged
 * into the route's response by Next.js).
 */
describe('next proxy functions', () => {
  describe.each(CONTENDERS)('%s', (contender) => {
    it.each(HTTP_SCENARIOS)('answers "$name" with the expected CORS headers', async (scenario) => {
      const proxy = proxyContender(contender);
      const request = new Request(`http://127.0.0.1${scenario.path.replace(/^\/api\//, '/proxied/')}`, { method: scenario.method, headers: scenario.headers });
      const response = await proxy(request, {});
      expect(corsProblem(scenario, contender, response.status, response.headers)).toBeUndefined();
    });
  });

  it('refuses an unknown contender name instead of benchmarking the bare proxy', () => {
    expect(() => proxyContender('cors')).toThrow(/Unknown BENCH_CONTENDER/);
  });
});

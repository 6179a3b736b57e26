import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextContender } from '../next-app/app/api/items/contenders.js';
import { proxyContender } from '../next-app/proxy-contenders.js';
import { processCounts, proxyVariant, routeVariant } from '../next-app/variants.js';
import { corsProblem, HTTP_SCENARIOS, TENANT_SCENARIO, type HttpScenario, type OursVariant, type ServerName } from '../src/adapters/http-scenarios.js';
import type { RunningServer } from '../src/adapters/running-server.js';
import { NODE_FRAMEWORKS, startServer } from '../src/adapters/start-server.js';
import { BENCH_EVENTS_PATH, type DecisionCounts } from '../src/adapters/variant-policies.js';

/*
 * The adapter bench times these production variants of ours against plain ours, so each must do the
 * CORS work it is timed for: the source variant grants the tenant origin through its lookup source
 * (plain ours refuses it) and still answers the static scenarios as the policy does; the report-only
 * variant enforces the plain policy and its hook receives the events. Real servers on 127.0.0.1.
 */

const send = (port: number, scenario: HttpScenario) =>
  fetch(`http://127.0.0.1:${port}${scenario.path}`, { method: scenario.method, headers: scenario.headers });

describe.each(NODE_FRAMEWORKS)('%s', (framework) => {
  const servers = new Map<ServerName, RunningServer>();
  const port = (name: ServerName) => servers.get(name)!.port;
  beforeAll(async () => {
    for (const name of ['ours', 'ours+source', 'ours+report-only'] as const) servers.set(name, await startServer(framework, name));
  });
  afterAll(async () => {
    await Promise.all([...servers.values()].map((s) => s.close()));
  });

  describe('ours+source', () => {
    it('grants the tenant origin its lookup source holds, without credentials, on the first request and once cached', async () => {
      for (let i = 0; i < 2; i++) {
        const response = await send(port('ours+source'), TENANT_SCENARIO);
        expect(await response.json()).toEqual({ items: [] });
        expect(corsProblem(TENANT_SCENARIO, 'ours+source', response.status, response.headers)).toBeUndefined();
        expect(response.headers.get('access-control-allow-origin')).toBe(TENANT_SCENARIO.headers['origin']);
      }
    });

    it('answers the static scenarios as plain ours does (refused origin refused)', async () => {
      for (const scenario of HTTP_SCENARIOS) {
        const response = await send(port('ours+source'), scenario);
        await response.arrayBuffer();
        expect(corsProblem(scenario, 'ours+source', response.status, response.headers), scenario.name).toBeUndefined();
      }
    });

    it('owes the tenant grant to the source: plain ours refuses that origin', async () => {
      const response = await send(port('ours'), TENANT_SCENARIO);
      await response.arrayBuffer();
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('ours+report-only', () => {
    it('enforces the plain policy and its hook counts every CORS request and the candidate\'s one difference', async () => {
      const before = (await (await fetch(`http://127.0.0.1:${port('ours+report-only')}${BENCH_EVENTS_PATH}`)).json()) as DecisionCounts;
      expect(before).toEqual({ decisions: 0, reportOnly: 0 });
      for (const scenario of HTTP_SCENARIOS) {
        const response = await send(port('ours+report-only'), scenario);
        await response.arrayBuffer();
        expect(corsProblem(scenario, 'ours+report-only', response.status, response.headers), scenario.name).toBeUndefined();
      }
      const after = (await (await fetch(`http://127.0.0.1:${port('ours+report-only')}${BENCH_EVENTS_PATH}`)).json()) as DecisionCounts;
      // Three scenarios send an Origin (no Origin: no event); the GET-only candidate would refuse the PUT preflight.
      expect(after).toEqual({ decisions: 3, reportOnly: 1 });
    });
  });
});

/*
 * The Next.js variants, called as Next.js calls them (a route handler, a proxy.ts function) with a
 * Request; the bench serves them with `next start` (route.ts and proxy.ts pick them by BENCH_CONTENDER),
 * where `/bench/events` reads the same counts.
 */
type Call = (scenario: HttpScenario) => Promise<Response>;

function routeCall(name: 'ours' | OursVariant): Call {
  const handlers = name === 'ours' ? nextContender(name) : routeVariant(name);
  return async (scenario) => {
    const handler = scenario.method === 'GET' ? handlers.GET : handlers.OPTIONS!;
    return handler(new Request(`http://127.0.0.1${scenario.path}`, { method: scenario.method, headers: scenario.headers }), { params: Promise.resolve({}) });
  };
}

function proxyCall(name: 'ours' | OursVariant): Call {
  const proxy = name === 'ours' ? proxyContender(name) : proxyVariant(name);
  return async (scenario) =>
    proxy(new Request(`http://127.0.0.1${scenario.path.replace(/^\/api\//, '/proxied/')}`, { method: scenario.method, headers: scenario.headers }), {});
}

describe.each([
  ['next route handlers', routeCall],
  ['next proxy functions', proxyCall],
] as const)('%s', (_, call) => {
  it('ours+source grants the tenant origin without credentials and answers the static scenarios as the policy does', async () => {
    const source = call('ours+source');
    for (const scenario of [TENANT_SCENARIO, TENANT_SCENARIO, ...HTTP_SCENARIOS]) {
      const response = await source(scenario);
      expect(corsProblem(scenario, 'ours+source', response.status, response.headers), scenario.name).toBeUndefined();
    }
    expect((await source(TENANT_SCENARIO)).headers.get('access-control-allow-origin')).toBe(TENANT_SCENARIO.headers['origin']);
    expect((await call('ours')(TENANT_SCENARIO)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it("ours+report-only enforces the plain policy and its hook counts every CORS request and the candidate's one difference", async () => {
    const reportOnly = call('ours+report-only');
    const before = { ...processCounts() };
    for (const scenario of HTTP_SCENARIOS) {
      const response = await reportOnly(scenario);
      expect(corsProblem(scenario, 'ours+report-only', response.status, response.headers), scenario.name).toBeUndefined();
    }
    const after = processCounts();
    expect({ decisions: after.decisions - before.decisions, reportOnly: after.reportOnly - before.reportOnly }).toEqual({ decisions: 3, reportOnly: 1 });
  });
});

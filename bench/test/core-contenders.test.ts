import { describe, expect, it } from 'vitest';
import {
  benchPolicy, coreContenders, NODE_CONTENDERS, oursMiddleware, WEB_CONTENDERS,
  type CoreContenderName, type NodeContenderName, type WebContenderName,
} from '../src/core/contenders.js';
import { ORIGIN_SIZES, PATTERN_SIZES } from '../src/core/core-bench.js';
import { FakeHonoContext } from '../src/core/fake-hono-context.js';
import { FakeResponse } from '../src/core/fake-http.js';
import { CAPPED_REQUEST_HEADERS, CORE_SCENARIOS, MALICIOUS_REQUEST_HEADERS, request, type CoreScenarioName } from '../src/core/scenarios.js';
import { originList, patternList } from '../src/shared/origin-list.js';
import { ALLOWED_ORIGIN, PREFLIGHT_METHOD, REFUSED_ORIGIN } from '../src/shared/bench-rules.js';

/*
 * The core bench times these exact calls, so each contender must do the CORS work the scenario calls
 * for, with as many origins as the bench gives it. Timings are never asserted here.
 */

const scenario = (name: CoreScenarioName) => CORE_SCENARIOS.find((s) => s.name === name)!;
const contenders = new Map(ORIGIN_SIZES.map((size) => [size, coreContenders(originList(size))]));

interface Outcome {
  readonly status: number;
  readonly ended: boolean;
  readonly nextCalls: number;
  readonly headers: Map<string, string>;
}

async function run(contender: CoreContenderName, size: number, name: CoreScenarioName): Promise<Outcome> {
  const set = contenders.get(size as (typeof ORIGIN_SIZES)[number])!;
  const req = scenario(name).request;
  let nextCalls = 0;
  if ((NODE_CONTENDERS as readonly string[]).includes(contender)) {
    const res = new FakeResponse();
    set.node[contender as NodeContenderName](req, res, () => {
      nextCalls++;
    });
    return { status: res.statusCode, ended: res.ended, nextCalls, headers: new Map([...res.headers()].map(([k, v]) => [k, String(v)])) };
  }
  const c = new FakeHonoContext(req);
  const response = await set.web[contender as WebContenderName](c, async () => {
    nextCalls++;
  });
  const headers = response instanceof Response ? response.headers : c.res.headers;
  return { status: response instanceof Response ? response.status : 200, ended: response instanceof Response, nextCalls, headers: new Map(headers) };
}

const ALL: readonly CoreContenderName[] = [...NODE_CONTENDERS, ...WEB_CONTENDERS];

describe.each(ORIGIN_SIZES)('with %i exact origins', (size) => {
  it('lists the policy origins among exactly that many origins', () => {
    const list = originList(size);
    expect(list).toHaveLength(size);
    expect(new Set(list).size).toBe(size);
    expect(list).toContain(ALLOWED_ORIGIN);
  });

  describe.each(ALL)('%s', (contender) => {
    it('grants an allowed simple GET with the origin, credentials and Vary: Origin, then calls the app', async () => {
      const { headers, nextCalls } = await run(contender, size, 'allowed GET');
      expect(headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(headers.get('access-control-allow-credentials')).toBe('true');
      expect(headers.get('vary')).toMatch(/\bOrigin\b/);
      expect(nextCalls).toBe(1);
    });

    it('answers an allowed preflight itself with 204, the requested method and headers', async () => {
      const { status, ended, headers, nextCalls } = await run(contender, size, 'allowed preflight');
      expect(status).toBe(204);
      expect(ended).toBe(true);
      expect(nextCalls).toBe(0);
      expect(headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(headers.get('access-control-allow-methods')!.split(',').map((m) => m.trim())).toContain(PREFLIGHT_METHOD);
      expect(headers.get('access-control-allow-headers')!.toLowerCase()).toMatch(/content-type.*authorization/);
      expect(headers.get('access-control-max-age')).toBe('600');
    });

    it('withholds Access-Control-Allow-Origin from a refused origin and calls the app', async () => {
      const { headers, nextCalls } = await run(contender, size, 'refused origin');
      expect(headers.has('access-control-allow-origin')).toBe(false);
      // `cors` skips all its work when an origin function refuses, Vary included (see below).
      if (contender !== 'cors (Set)') expect(headers.get('vary')).toMatch(/\bOrigin\b/);
      expect(nextCalls).toBe(1);
    });

    it('sends no Access-Control-Allow-Origin without an Origin and calls the app', async () => {
      const { headers, nextCalls } = await run(contender, size, 'no Origin');
      expect(headers.has('access-control-allow-origin')).toBe(false);
      expect(nextCalls).toBe(1);
    });

    it.each(['capped preflight', 'malicious preflight'] as const)('answers the %s itself and never echoes its header list', async (name) => {
      const { ended, headers, nextCalls } = await run(contender, size, name);
      expect(ended).toBe(true);
      expect(nextCalls).toBe(0);
      expect((headers.get('access-control-allow-headers') ?? '').length).toBeLessThan(100);
    });
  });

  it('ours refuses both hostile preflights (403, no CORS headers) while the anchors ignore the header list', async () => {
    for (const name of ['capped preflight', 'malicious preflight'] as const) {
      for (const ours of ['ours', 'ours (web)'] as const) {
        const outcome = await run(ours, size, name);
        expect(outcome.status).toBe(403);
        expect(outcome.headers.has('access-control-allow-origin')).toBe(false);
      }
      for (const anchor of ['cors', 'cors (Set)', 'baseline', 'hono/cors'] as const) expect((await run(anchor, size, name)).status).toBe(204);
    }
  });
});

it('cors with an origin function sends no Vary at all on refusal (it skips the request), unlike its array form', async () => {
  expect((await run('cors (Set)', 3, 'refused origin')).headers.has('vary')).toBe(false);
  expect((await run('cors', 3, 'refused origin')).headers.get('vary')).toBe('Origin');
});

describe('hostile header lists', () => {
  it('the capped list is 64 well-formed names one byte under 4 KiB, the policy\'s two first', () => {
    expect(CAPPED_REQUEST_HEADERS).toHaveLength(4095);
    const names = CAPPED_REQUEST_HEADERS.split(',');
    expect(names).toHaveLength(64);
    expect(names.slice(0, 2)).toEqual(['content-type', 'authorization']);
    expect(names.every((n) => /^[a-z0-9-]+$/.test(n))).toBe(true);
  });

  it('the malicious list is 64 KiB', () => {
    expect(MALICIOUS_REQUEST_HEADERS).toHaveLength(64 * 1024);
  });
});

describe.each(PATTERN_SIZES)('ours with %i subdomain patterns', (count) => {
  const { origins, matching } = patternList(count);
  const ours = oursMiddleware(benchPolicy(origins));
  const call = (origin: string) => {
    const res = new FakeResponse();
    ours(request('GET', origin), res, () => {});
    return res.headers();
  };

  it('holds that many patterns besides the policy\'s exact origins', () => {
    expect(origins.filter((o) => o.includes('*'))).toHaveLength(count);
  });

  it('grants the origin matched by the middle pattern', () => {
    expect(call(matching).get('access-control-allow-origin')).toBe(matching);
  });

  it('refuses an origin no pattern matches', () => {
    expect(call(REFUSED_ORIGIN).has('access-control-allow-origin')).toBe(false);
  });
});

describe('FakeResponse', () => {
  it('treats header names case-insensitively and starts empty after reset', () => {
    const res = new FakeResponse();
    res.setHeader('Vary', 'Origin');
    res.setHeader('vary', 'Origin, Accept');
    expect(res.getHeader('VARY')).toBe('Origin, Accept');
    expect([...res.headers().keys()]).toEqual(['vary']);
    res.reset();
    expect(res.getHeader('vary')).toBeUndefined();
    expect(res.headers().size).toBe(0);
  });
});

describe('FakeHonoContext', () => {
  it('reads request headers case-insensitively and starts each operation with empty response headers', () => {
    const c = new FakeHonoContext(request('GET', ALLOWED_ORIGIN));
    expect(c.req.header('Origin')).toBe(ALLOWED_ORIGIN);
    c.header('Vary', 'Origin');
    c.header('Vary', 'Accept', { append: true });
    expect(c.res.headers.get('vary')).toBe('Origin, Accept');
    c.reset();
    expect([...c.res.headers]).toEqual([]);
  });
});

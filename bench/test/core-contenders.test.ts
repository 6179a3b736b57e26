import { describe, expect, it } from 'vitest';
import { coreContenders, type CoreContenderName } from '../src/core/contenders.js';
import { FakeResponse } from '../src/core/fake-http.js';
import { CORE_SCENARIOS, MALICIOUS_REQUEST_HEADERS, type CoreScenarioName } from '../src/core/scenarios.js';
import { originList } from '../src/shared/origin-list.js';
import { ALLOWED_ORIGIN, PREFLIGHT_METHOD } from '../src/shared/bench-rules.js';

/*
 * The core bench times these exact calls, so each contender must do the CORS work the scenario calls
 * for, with 3 and with 10,000 origins. Timings are never asserted here.
 */

const NAMES: readonly CoreContenderName[] = ['ours', 'baseline', 'cors'];
const scenario = (name: CoreScenarioName) => CORE_SCENARIOS.find((s) => s.name === name)!;

function run(contender: CoreContenderName, size: number, name: CoreScenarioName) {
  const middleware = contenders.get(size)![contender];
  const res = new FakeResponse();
  let nextCalls = 0;
  middleware(scenario(name).request, res, () => {
    nextCalls++;
  });
  const headers = res.headers();
  const text = (h: string) => String(headers.get(h) ?? '');
  return { res, headers, text, nextCalls };
}

const contenders = new Map([3, 10_000].map((size) => [size, coreContenders(originList(size))]));

describe.each([3, 10_000])('with %i exact origins', (size) => {
  it('lists the policy origins among exactly that many origins', () => {
    const list = originList(size);
    expect(list).toHaveLength(size);
    expect(new Set(list).size).toBe(size);
    expect(list).toContain(ALLOWED_ORIGIN);
  });

  describe.each(NAMES)('%s', (contender) => {
    it('grants an allowed simple GET with the origin, credentials and Vary: Origin, then calls the app', () => {
      const { text, nextCalls } = run(contender, size, 'allowed GET');
      expect(text('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(text('access-control-allow-credentials')).toBe('true');
      expect(text('vary')).toMatch(/\bOrigin\b/);
      expect(nextCalls).toBe(1);
    });

    it('answers an allowed preflight itself with 204, the requested method and headers', () => {
      const { res, text, nextCalls } = run(contender, size, 'allowed preflight');
      expect(res.statusCode).toBe(204);
      expect(res.ended).toBe(true);
      expect(nextCalls).toBe(0);
      expect(text('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(text('access-control-allow-methods').split(',').map((m) => m.trim())).toContain(PREFLIGHT_METHOD);
      expect(text('access-control-allow-headers').toLowerCase()).toMatch(/content-type.*authorization/);
      expect(text('access-control-max-age')).toBe('600');
    });

    it('withholds Access-Control-Allow-Origin from a refused origin but still varies on Origin', () => {
      const { headers, text, nextCalls } = run(contender, size, 'refused origin');
      expect(headers.has('access-control-allow-origin')).toBe(false);
      expect(text('vary')).toMatch(/\bOrigin\b/);
      expect(nextCalls).toBe(1);
    });

    it('sends no Access-Control-Allow-Origin without an Origin and calls the app', () => {
      const { headers, nextCalls } = run(contender, size, 'no Origin');
      expect(headers.has('access-control-allow-origin')).toBe(false);
      expect(nextCalls).toBe(1);
    });

    it('never echoes the 64 KiB Access-Control-Request-Headers of a malicious preflight', () => {
      const { res, text } = run(contender, size, 'malicious preflight');
      expect(MALICIOUS_REQUEST_HEADERS).toHaveLength(64 * 1024);
      expect(res.ended).toBe(true);
      expect(text('access-control-allow-headers').length).toBeLessThan(100);
    });
  });

  it('ours refuses the malicious preflight (403, no CORS headers) while cors and the baseline ignore the header', () => {
    expect(run('ours', size, 'malicious preflight').res.statusCode).toBe(403);
    expect(run('ours', size, 'malicious preflight').headers.has('access-control-allow-origin')).toBe(false);
    expect(run('cors', size, 'malicious preflight').res.statusCode).toBe(204);
    expect(run('baseline', size, 'malicious preflight').res.statusCode).toBe(204);
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

import { describe, expect, it, vi } from 'vitest';
import { definePolicy, type CorsPolicy } from '../src/index.js';
import {
  bindOriginSources, closeSources, prepareOrigin, type OriginLookupProvider, type OriginSourceEvent, type RuntimeCorsPolicy,
} from '../src/runtime.js';
import { actual, preflight } from './helpers.js';
import { closeBindingsAfterEach, STATIC, TENANT } from './source-bindings.js';

/*
 * Lookup providers: one origin at a time, answers cached in a bounded map, misses awaited through
 * prepareOrigin (which never rejects and never outlasts the timeout), failures cached briefly.
 */


function tenantPolicy(settings: { refreshSeconds?: number; timeoutMs?: number } = {}): CorsPolicy {
  return definePolicy({
    name: 'tenant-api',
    origins: [STATIC, { source: 'tenant-domains', ...settings }],
    routes: [
      { path: '/own/**', origins: ['https://partner.example'] },
      { path: '/listed/**', origins: [{ source: 'partners' }] },
    ],
  });
}

/** A lookup provider holding `origins`, counting calls per origin. */
function lookupOf(...origins: string[]): OriginLookupProvider & { asked: string[] } {
  const held = new Set(origins);
  const provider = {
    asked: [] as string[],
    has(origin: string) {
      provider.asked.push(origin);
      return Promise.resolve(held.has(origin));
    },
  };
  return provider;
}

const keep = closeBindingsAfterEach();
function bind(policy: RuntimeCorsPolicy, provider: OriginLookupProvider, options: { events?: OriginSourceEvent[]; lookupCacheSize?: number } = {}): RuntimeCorsPolicy {
  const events = options.events ?? [];
  const result = bindOriginSources(policy, { 'tenant-domains': provider, partners: { list: () => ['https://partner.example'] } }, {
    // Only the lookup source's events: the list source on /listed/** reports its own.
    onSourceEvent: (e) => { if (e.source === 'tenant-domains') events.push(e); },
    lookupCacheSize: options.lookupCacheSize,
  });
  return keep(result);
}


describe('prepareOrigin says when a request must wait for a lookup', () => {
  it('returns undefined for no origin, a static origin, an origin no browser sends, and scopes without a lookup source', () => {
    const provider = lookupOf(TENANT);
    const policy = bind(tenantPolicy(), provider);
    expect(prepareOrigin(policy, undefined, '/')).toBeUndefined();
    expect(prepareOrigin(policy, STATIC, '/')).toBeUndefined();
    expect(prepareOrigin(policy, 'null', '/')).toBeUndefined();
    expect(prepareOrigin(policy, 'https://Shop.customer.example', '/')).toBeUndefined();
    expect(prepareOrigin(policy, TENANT, '/own/x')).toBeUndefined();
    expect(prepareOrigin(policy, TENANT, '/listed/x')).toBeUndefined();
    expect(provider.asked).toEqual([]);
  });

  it('returns a promise on a miss; once it resolves the decision is cached and prepareOrigin returns undefined', async () => {
    const provider = lookupOf(TENANT);
    const policy = bind(tenantPolicy(), provider);
    // Unprepared, the resolver cannot know: it fails closed.
    expect(actual(policy, TENANT)).toMatchObject({ kind: 'actual-refused', reason: 'source-unavailable', source: 'tenant-domains' });
    const pending = prepareOrigin(policy, TENANT, '/');
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).resolves.toBeUndefined();
    expect(prepareOrigin(policy, TENANT, '/')).toBeUndefined();
    expect(actual(policy, TENANT)).toMatchObject({ kind: 'actual-allowed', reason: 'origin-allowed', source: 'tenant-domains' });
    expect(preflight(policy, TENANT, 'POST')).toMatchObject({ kind: 'preflight-allowed', source: 'tenant-domains' });
    expect(provider.asked).toEqual([TENANT]);
  });

  it('caches a negative answer: the origin is refused as not allowed, without asking again', async () => {
    const provider = lookupOf(TENANT);
    const policy = bind(tenantPolicy(), provider);
    await prepareOrigin(policy, 'https://evil.example', '/');
    expect(prepareOrigin(policy, 'https://evil.example', '/')).toBeUndefined();
    expect(actual(policy, 'https://evil.example')).toMatchObject({ kind: 'actual-refused', reason: 'origin-not-allowed' });
    expect(provider.asked).toEqual(['https://evil.example']);
  });

  it('shares one call between concurrent misses for the same origin', async () => {
    let calls = 0;
    let answer!: (held: boolean) => void;
    const policy = bind(tenantPolicy(), { has: () => { calls += 1; return new Promise<boolean>((resolve) => { answer = resolve; }); } });
    const first = prepareOrigin(policy, TENANT, '/');
    const second = prepareOrigin(policy, TENANT, '/');
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBeInstanceOf(Promise);
    expect(calls).toBe(1);
    answer(true);
    await Promise.all([first, second]);
    expect(calls).toBe(1);
    expect(actual(policy, TENANT).kind).toBe('actual-allowed');
  });

  it('never asks the provider about an origin no browser would send, even one that says yes to everything', async () => {
    const asked: string[] = [];
    const policy = bind(tenantPolicy(), { has: (origin) => { asked.push(origin); return true; } });
    for (const origin of ['*', 'https://*.customer.example', 'https://Shop.customer.example', 'https://shop.customer.example.', 'https://shop.customer.example:443', 'https://shop.customer.example/x', `https://${'a'.repeat(5000)}.example`]) {
      expect(prepareOrigin(policy, origin, '/'), origin).toBeUndefined();
      expect(actual(policy, origin).kind, origin).toBe('actual-refused');
      expect(preflight(policy, origin, 'GET').kind, origin).toBe('preflight-refused');
    }
    expect(asked).toEqual([]);
  });
});

describe('lookup answers expire and the cache is bounded', () => {
  it('keeps positive and negative answers for refreshSeconds, then asks again', async () => {
    vi.useFakeTimers();
    const provider = lookupOf(TENANT);
    const policy = bind(tenantPolicy({ refreshSeconds: 30 }), provider);
    await prepareOrigin(policy, TENANT, '/');
    await prepareOrigin(policy, 'https://evil.example', '/');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(prepareOrigin(policy, TENANT, '/')).toBeUndefined();
    expect(prepareOrigin(policy, 'https://evil.example', '/')).toBeUndefined();
    expect(actual(policy, TENANT).kind).toBe('actual-allowed');
    await vi.advanceTimersByTimeAsync(1);
    // Expired: unknown again (fail closed) until asked again.
    expect(actual(policy, TENANT).reason).toBe('source-unavailable');
    const again = prepareOrigin(policy, TENANT, '/');
    expect(again).toBeInstanceOf(Promise);
    expect(prepareOrigin(policy, 'https://evil.example', '/')).toBeInstanceOf(Promise);
    await again;
    expect(provider.asked).toEqual([TENANT, 'https://evil.example', TENANT, 'https://evil.example']);
  });

  it('evicts the oldest answer when the cache is full', async () => {
    const provider = lookupOf(TENANT);
    const policy = bind(tenantPolicy(), provider, { lookupCacheSize: 2 });
    const [a, b, c] = ['https://a.customer.example', 'https://b.customer.example', 'https://c.customer.example'];
    await prepareOrigin(policy, a, '/');
    await prepareOrigin(policy, b, '/');
    await prepareOrigin(policy, c, '/');
    expect(prepareOrigin(policy, b, '/')).toBeUndefined();
    expect(prepareOrigin(policy, c, '/')).toBeUndefined();
    expect(prepareOrigin(policy, a, '/')).toBeInstanceOf(Promise);
  });

  it('refuses a lookupCacheSize that is not a whole number of at least 1', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => bind(tenantPolicy(), lookupOf(), { lookupCacheSize: size })).toThrow(RangeError);
  });
});

describe('a lookup source fails closed, within its timeout', () => {
  it('settles within timeoutMs when the provider hangs, aborts its signal, and refuses with source-unavailable', async () => {
    const events: OriginSourceEvent[] = [];
    let signal!: AbortSignal;
    const policy = bind(tenantPolicy({ timeoutMs: 20 }), { has: (_origin, s) => { signal = s; return new Promise<boolean>(() => {}); } }, { events });
    const started = performance.now();
    await prepareOrigin(policy, TENANT, '/');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(signal.aborted).toBe(true);
    expect(actual(policy, TENANT)).toMatchObject({ kind: 'actual-refused', reason: 'source-unavailable', source: 'tenant-domains' });
    expect(events).toEqual([{ type: 'lookup-failed', source: 'tenant-domains', origin: TENANT, error: 'timed out after 20 ms', timedOut: true }]);
  });

  it('never rejects: a provider that throws, rejects or answers something other than a boolean is a failure', async () => {
    const answers: Array<OriginLookupProvider['has']> = [
      () => { throw new Error('boom'); },
      () => Promise.reject(new Error('connection reset')),
      () => 'yes' as unknown as boolean,
      () => 1 as unknown as boolean,
      () => null as unknown as boolean,
      () => Promise.resolve({ held: true } as unknown as boolean),
    ];
    for (const has of answers) {
      const events: OriginSourceEvent[] = [];
      const policy = bind(tenantPolicy(), { has }, { events });
      await expect(prepareOrigin(policy, TENANT, '/')).resolves.toBeUndefined();
      expect(actual(policy, TENANT).reason).toBe('source-unavailable');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'lookup-failed', source: 'tenant-domains', origin: TENANT, timedOut: false });
    }
  });

  it('caches a failure for min(refreshSeconds, 5) seconds, then asks again', async () => {
    vi.useFakeTimers();
    for (const [refreshSeconds, ttl] of [[60, 5_000], [2, 2_000]] as const) {
      let calls = 0;
      const policy = bind(tenantPolicy({ refreshSeconds }), { has: () => { calls += 1; return Promise.reject(new Error('down')); } });
      await prepareOrigin(policy, TENANT, '/');
      await vi.advanceTimersByTimeAsync(ttl - 1);
      expect(prepareOrigin(policy, TENANT, '/')).toBeUndefined();
      expect(actual(policy, TENANT).reason).toBe('source-unavailable');
      await vi.advanceTimersByTimeAsync(1);
      const retry = prepareOrigin(policy, TENANT, '/');
      expect(retry).toBeInstanceOf(Promise);
      await retry;
      expect(calls).toBe(2);
    }
  });

  it('after closeSources, asks nothing and refuses with source-unavailable', async () => {
    const provider = lookupOf(TENANT);
    const policy = bind(tenantPolicy(), provider);
    await prepareOrigin(policy, TENANT, '/');
    closeSources(policy);
    expect(prepareOrigin(policy, TENANT, '/')).toBeUndefined();
    expect(actual(policy, TENANT).reason).toBe('source-unavailable');
    expect(provider.asked).toEqual([TENANT]);
  });
});

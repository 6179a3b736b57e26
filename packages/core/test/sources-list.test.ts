import { describe, expect, it, vi } from 'vitest';
import { definePolicy, type CorsPolicy } from '../src/index.js';
import {
  bindOriginSources, sourcesReady, type OriginListProvider, type OriginSourceEvent, type RuntimeCorsPolicy,
} from '../src/runtime.js';
import { actual, header, preflight } from './helpers.js';
import { closeBindingsAfterEach, STATIC, TENANT } from './source-bindings.js';

/*
 * List providers: the whole set at once, refreshed on the policy's schedule and on `changed()`,
 * expiring `refreshSeconds` after the last successful listing, failing closed.
 */


function tenantPolicy(settings: { refreshSeconds?: number; timeoutMs?: number } = {}): CorsPolicy {
  return definePolicy({
    name: 'tenant-api',
    origins: [STATIC, { source: 'tenant-domains', methods: ['GET', 'POST'], ...settings }],
    methods: ['GET', 'POST', 'PUT'],
    credentials: true,
    exposeHeaders: ['X-Request-Id'],
  });
}

/** A list provider whose answers the test controls, counting its calls. */
function listOf(...origins: unknown[]): OriginListProvider & { calls: number; signals: AbortSignal[] } {
  const provider = {
    calls: 0,
    signals: [] as AbortSignal[],
    list(signal: AbortSignal) {
      provider.calls += 1;
      provider.signals.push(signal);
      return Promise.resolve(origins as string[]);
    },
  };
  return provider;
}

/** A promise the test settles. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const keep = closeBindingsAfterEach();
/** Binds and remembers the policy, so that every test's timers are stopped afterwards. */
function bind(policy: RuntimeCorsPolicy, provider: OriginListProvider, events: OriginSourceEvent[] = []): RuntimeCorsPolicy {
  const result = bindOriginSources(policy, { 'tenant-domains': provider }, { onSourceEvent: (e) => events.push(e) });
  return keep(result);
}


describe('a list source allows its origins with its own rules', () => {
  it('refuses a source origin with source-unavailable until the first listing, then allows it naming the source', async () => {
    const pending = deferred<string[]>();
    const policy = bind(tenantPolicy(), { list: () => pending.promise });
    expect(actual(policy, TENANT)).toMatchObject({ kind: 'actual-refused', reason: 'source-unavailable', source: 'tenant-domains' });
    pending.resolve([TENANT]);
    await sourcesReady(policy);
    const decision = actual(policy, TENANT);
    expect(decision).toMatchObject({ kind: 'actual-allowed', reason: 'origin-allowed', source: 'tenant-domains' });
    expect(header(decision, 'Access-Control-Allow-Origin')).toBe(TENANT);
  });

  it('gives source origins the source\'s credentials (off by default) while static origins keep the policy\'s', async () => {
    const policy = bind(tenantPolicy(), listOf(TENANT));
    await sourcesReady(policy);
    expect(header(actual(policy, TENANT), 'Access-Control-Allow-Credentials')).toBeUndefined();
    expect(header(actual(policy, TENANT), 'Access-Control-Expose-Headers')).toBe('X-Request-Id');
    expect(header(actual(policy, STATIC), 'Access-Control-Allow-Credentials')).toBe('true');
    expect(actual(policy, STATIC)).not.toHaveProperty('source');
  });

  it('refuses a preflight for a method the source lacks, while a static origin gets it', async () => {
    const policy = bind(tenantPolicy(), listOf(TENANT));
    await sourcesReady(policy);
    expect(preflight(policy, TENANT, 'PUT')).toMatchObject({ kind: 'preflight-refused', reason: 'method-not-allowed', source: 'tenant-domains' });
    expect(preflight(policy, STATIC, 'PUT')).toMatchObject({ kind: 'preflight-allowed', reason: 'origin-allowed' });
    const allowed = preflight(policy, TENANT, 'POST');
    expect(allowed).toMatchObject({ kind: 'preflight-allowed', source: 'tenant-domains' });
    expect(header(allowed, 'Access-Control-Allow-Credentials')).toBeUndefined();
    expect(actual(policy, TENANT, 'PUT')).toMatchObject({ kind: 'actual-refused', reason: 'method-not-allowed', source: 'tenant-domains' });
  });

  it('refuses an origin the listed set does not hold with origin-not-allowed (the source answered)', async () => {
    const policy = bind(tenantPolicy(), listOf(TENANT));
    await sourcesReady(policy);
    expect(actual(policy, 'https://evil.example')).toMatchObject({ kind: 'actual-refused', reason: 'origin-not-allowed' });
    expect(preflight(policy, 'https://evil.example', 'POST')).toMatchObject({ kind: 'preflight-refused', reason: 'origin-not-allowed' });
  });

  it('accepts a synchronous iterable (a Set) from list()', async () => {
    const policy = bind(tenantPolicy(), { list: () => new Set([TENANT]) });
    await sourcesReady(policy);
    expect(actual(policy, TENANT).kind).toBe('actual-allowed');
  });
});

describe('a list source is refreshed on schedule and on change', () => {
  it('lists at bind, then every refreshSeconds / 2', async () => {
    vi.useFakeTimers();
    const provider = listOf(TENANT);
    const policy = bind(tenantPolicy({ refreshSeconds: 60 }), provider);
    await sourcesReady(policy);
    expect(provider.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(provider.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(provider.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(provider.calls).toBe(3);
  });

  it('takes a new set at the next listing: an added origin is allowed, a removed one refused', async () => {
    vi.useFakeTimers();
    let origins = [TENANT];
    const policy = bind(tenantPolicy({ refreshSeconds: 10 }), { list: () => origins });
    await sourcesReady(policy);
    origins = ['https://other.customer.example'];
    await vi.advanceTimersByTimeAsync(5_000);
    expect(actual(policy, TENANT).reason).toBe('origin-not-allowed');
    expect(actual(policy, 'https://other.customer.example').kind).toBe('actual-allowed');
  });

  it('lists once at once for a burst of changed() calls', async () => {
    vi.useFakeTimers();
    let changed!: () => void;
    const provider = Object.assign(listOf(TENANT), { subscribe: (c: () => void) => { changed = c; return () => {}; } });
    const policy = bind(tenantPolicy(), provider);
    await sourcesReady(policy);
    expect(provider.calls).toBe(1);
    for (let i = 0; i < 10; i++) changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(provider.calls).toBe(2);
  });

  it('lists exactly once more after a listing during which changed() fired many times', async () => {
    vi.useFakeTimers();
    let changed!: () => void;
    let calls = 0;
    const slow = deferred<string[]>();
    const provider: OriginListProvider = {
      list: () => (++calls === 2 ? slow.promise : [TENANT]),
      subscribe: (c) => { changed = c; return () => {}; },
    };
    const policy = bind(tenantPolicy({ timeoutMs: 5000 }), provider);
    await sourcesReady(policy);
    changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
    for (let i = 0; i < 10; i++) changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
    slow.resolve([TENANT]);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(3);
  });

  it('reports a subscribe that fails, and keeps listing on schedule', async () => {
    vi.useFakeTimers();
    const events: OriginSourceEvent[] = [];
    const provider = Object.assign(listOf(TENANT), { subscribe: () => Promise.reject(new Error('LISTEN refused')) });
    const policy = bind(tenantPolicy({ refreshSeconds: 10 }), provider, events);
    await sourcesReady(policy);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(events).toContainEqual({ type: 'list-failed', source: 'tenant-domains', error: 'subscribe failed: LISTEN refused', timedOut: false });
    expect(provider.calls).toBe(2);
    expect(actual(policy, TENANT).kind).toBe('actual-allowed');
  });
});

describe('a list source fails closed', () => {
  it('keeps the previous set while listings fail, until refreshSeconds after the last success; then source-unavailable', async () => {
    vi.useFakeTimers();
    const events: OriginSourceEvent[] = [];
    let fail = false;
    const policy = bind(tenantPolicy({ refreshSeconds: 60 }), { list: () => (fail ? Promise.reject(new Error('db down')) : [TENANT]) }, events);
    await sourcesReady(policy);
    fail = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(events.at(-1)).toEqual({ type: 'list-failed', source: 'tenant-domains', error: 'db down', timedOut: false });
    expect(actual(policy, TENANT).kind).toBe('actual-allowed');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(actual(policy, TENANT).kind).toBe('actual-allowed');
    await vi.advanceTimersByTimeAsync(1);
    expect(actual(policy, TENANT)).toMatchObject({ kind: 'actual-refused', reason: 'source-unavailable', source: 'tenant-domains' });
    expect(preflight(policy, TENANT, 'GET')).toMatchObject({ kind: 'preflight-refused', reason: 'source-unavailable', source: 'tenant-domains' });
    // Static origins are not affected, and a listing that succeeds again restores the set.
    expect(actual(policy, STATIC).kind).toBe('actual-allowed');
    fail = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(actual(policy, TENANT).kind).toBe('actual-allowed');
  });

  it('times out a listing that never settles at timeoutMs, aborting its signal', async () => {
    vi.useFakeTimers();
    const events: OriginSourceEvent[] = [];
    const signals: AbortSignal[] = [];
    const policy = bind(tenantPolicy({ timeoutMs: 50 }), { list: (signal) => { signals.push(signal); return new Promise<string[]>(() => {}); } }, events);
    let ready = false;
    void sourcesReady(policy).then(() => { ready = true; });
    await vi.advanceTimersByTimeAsync(49);
    expect(ready).toBe(false);
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ready).toBe(true);
    expect(signals[0]?.aborted).toBe(true);
    expect(events).toEqual([{ type: 'list-failed', source: 'tenant-domains', error: 'timed out after 50 ms', timedOut: true }]);
    expect(actual(policy, TENANT).reason).toBe('source-unavailable');
  });

  it('treats a list() that throws, or returns something other than an iterable, as a failed listing', async () => {
    for (const list of [() => { throw new Error('boom'); }, () => 'https://shop.customer.example', () => null, () => 42]) {
      const events: OriginSourceEvent[] = [];
      const policy = bind(tenantPolicy(), { list: list as OriginListProvider['list'] }, events);
      await sourcesReady(policy);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'list-failed', source: 'tenant-domains', timedOut: false });
      expect(actual(policy, TENANT).reason).toBe('source-unavailable');
    }
  });

  it('fails a listing that yields endlessly instead of holding the event loop, keeping the previous set', async () => {
    const events: OriginSourceEvent[] = [];
    let endless = false;
    let changed!: () => void;
    const policy = bind(tenantPolicy(), {
      *list() {
        yield TENANT;
        while (endless) yield 'https://again.customer.example';
      },
      subscribe: (c) => { changed = c; return () => {}; },
    } as OriginListProvider, events);
    await sourcesReady(policy);
    endless = true;
    changed();
    await vi.waitFor(() => expect(events.at(-1)).toEqual({ type: 'list-failed', source: 'tenant-domains', error: 'list() yielded more than 1000000 values', timedOut: false }));
    expect(actual(policy, TENANT).kind).toBe('actual-allowed');
  });
});

describe('values a list provider hands over are validated, never widened', () => {
  const hostile: Array<[unknown, string]> = [
    ['*', 'wildcard'],
    ['null', 'null'],
    ['https://*.customer.example', 'pattern'],
    ['HTTPS://SHOP.CUSTOMER.EXAMPLE', 'not-canonical'],
    ['https://Shop.customer.example', 'not-canonical'],
    ['https://shop.customer.example/', 'not-canonical'],
    ['https://shop.customer.example/path', 'not-canonical'],
    ['https://shop.customer.example.', 'not-canonical'],
    ['https://shop.customer.example:443', 'not-canonical'],
    ['http://shop.customer.example:80', 'not-canonical'],
    [' https://shop.customer.example', 'not-canonical'],
    ['https://shop.customer.example, https://evil.example', 'not-canonical'],
    ['shop.customer.example', 'not-canonical'],
    ['ftp://shop.customer.example', 'not-canonical'],
    [`https://${'a'.repeat(5000)}.example`, 'too-long'],
    [42, 'not-a-string'],
    [null, 'not-a-string'],
    [undefined, 'not-a-string'],
    [{ toString: () => 'https://evil.example' }, 'not-a-string'],
    [['https://evil.example'], 'not-a-string'],
  ];

  it('drops each hostile value with an origin-dropped event, keeps the valid ones, and allows nothing else', async () => {
    const events: OriginSourceEvent[] = [];
    const policy = bind(tenantPolicy(), listOf(TENANT, ...hostile.map(([value]) => value)), events);
    await sourcesReady(policy);
    const dropped = events.filter((e) => e.type === 'origin-dropped');
    expect(dropped.map((e) => e.type === 'origin-dropped' && e.reason)).toEqual(hostile.map(([, reason]) => reason));
    expect(events.filter((e) => e.type === 'listed')).toMatchObject([{ type: 'listed', source: 'tenant-domains', count: 1 }]);
    // Dropped values are shown cut to 200 characters, and non-strings by their type.
    for (const event of dropped) if (event.type === 'origin-dropped') expect(event.value.length).toBeLessThanOrEqual(201);
    expect(dropped.find((e) => e.type === 'origin-dropped' && e.reason === 'not-a-string')).toMatchObject({ value: '(number)' });
    const requests = ['https://evil.example', 'https://shop.customer.example.', 'https://a.customer.example', 'null', 'HTTPS://SHOP.CUSTOMER.EXAMPLE', 'https://Shop.customer.example', 'http://shop.customer.example'];
    for (const origin of requests) {
      expect(actual(policy, origin).kind, origin).toBe('actual-refused');
      expect(preflight(policy, origin, 'GET').kind, origin).toBe('preflight-refused');
    }
    expect(actual(policy, TENANT).kind).toBe('actual-allowed');
  });

  it('a provider that yields only "*" allows no origin at all', async () => {
    const policy = bind(tenantPolicy(), listOf('*'));
    await sourcesReady(policy);
    for (const origin of ['https://evil.example', TENANT, '*']) expect(actual(policy, origin).kind).toBe('actual-refused');
  });
});

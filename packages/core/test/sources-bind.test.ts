import { describe, expect, it, vi } from 'vitest';
import { compilePolicy, definePolicy } from '../src/index.js';
import {
  CorsPolicyError, bindOriginSources, closeSources, corsDecider, loadCompiledPolicy, sourcesReady, toRuntimePolicy,
  type CorsDecisionEvent, type OriginListProvider, type OriginSourceProviders, type RuntimeCorsPolicy,
} from '../src/runtime.js';
import { actual, actualFacts, preflight, preflightFacts } from './helpers.js';
import { closeBindingsAfterEach, STATIC, TENANT } from './source-bindings.js';

/* Binding providers to a policy's declared sources: what is refused at bind, and what a binding changes. */


const policy = definePolicy({
  name: 'tenant-api',
  origins: [STATIC, { source: 'tenant-domains' }],
  routes: [{ path: '/partners/**', origins: ['https://partner.example', { source: 'partners', methods: ['GET'] }] }],
  environments: { development: { origins: ['http://localhost:3000'] } },
});

const list = (...origins: string[]): OriginListProvider => ({ list: () => origins });

const keep = closeBindingsAfterEach();
function bind(target: RuntimeCorsPolicy, providers: OriginSourceProviders): RuntimeCorsPolicy {
  const result = bindOriginSources(target, providers);
  return keep(result);
}


describe('bindOriginSources refuses a binding that does not fit the policy', () => {
  it('lists every problem at once: a missing provider, an unknown name, a provider with neither list nor has', () => {
    let error: unknown;
    try {
      bindOriginSources(policy, { 'tenant-domain': list(TENANT), partners: { lookup: () => true } as unknown as OriginListProvider });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CorsPolicyError);
    const issues = (error as CorsPolicyError).issues;
    expect(issues.map((i) => [i.code, i.value])).toEqual([
      ['origins/source-unbound', 'tenant-domains'],
      ['origins/source-unknown-provider', 'tenant-domain'],
      ['origins/source-invalid-provider', 'partners'],
    ]);
    expect(issues[1]?.hint).toBe('Declared sources: tenant-domains, partners.');
    expect((error as Error).message).toContain('tenant-domains');
    expect((error as Error).message).toContain('tenant-domain"');
  });

  it('refuses null, a function and a primitive as providers', () => {
    for (const provider of [null, () => [TENANT], 'https://shop.customer.example']) {
      expect(() => bindOriginSources(policy, { 'tenant-domains': provider as unknown as OriginListProvider, partners: list() })).toThrow(CorsPolicyError);
    }
  });

  it('refuses providers for a policy that declares no source', () => {
    const plain = definePolicy({ name: 'plain', origins: [STATIC] });
    expect(() => bindOriginSources(plain, { 'tenant-domains': list(TENANT) })).toThrow(/does not declare/);
    expect(() => bindOriginSources(plain, {})).not.toThrow();
  });

  it('counts a source declared only in an environment overlay\'s routes or the base alike (every environment)', () => {
    expect(() => bindOriginSources(policy, { 'tenant-domains': list() })).toThrow(/"partners"/);
  });
});

describe('a policy whose sources are not bound', () => {
  it('still enforces: static origins are allowed, source origins refused with source-unavailable naming the source', () => {
    expect(actual(policy, STATIC).kind).toBe('actual-allowed');
    expect(actual(policy, TENANT)).toMatchObject({ kind: 'actual-refused', reason: 'source-unavailable', source: 'tenant-domains' });
    expect(preflight(policy, TENANT, 'GET')).toMatchObject({ kind: 'preflight-refused', reason: 'source-unavailable', source: 'tenant-domains' });
    expect(actual(policy, TENANT, 'GET', '/partners/x')).toMatchObject({ reason: 'source-unavailable', source: 'partners' });
  });

  it('stays unbound after binding: bindOriginSources returns a new policy', async () => {
    const result = bind(policy, { 'tenant-domains': list(TENANT), partners: list() });
    await sourcesReady(result);
    expect(actual(result, TENANT).kind).toBe('actual-allowed');
    expect(actual(policy, TENANT).reason).toBe('source-unavailable');
  });
});

describe('a bound policy', () => {
  it('applies a route\'s source on that route only, with the route\'s source settings', async () => {
    const result = bind(policy, { 'tenant-domains': list(TENANT), partners: list('https://reseller.example') });
    await sourcesReady(result);
    expect(actual(result, 'https://reseller.example', 'GET', '/partners/feed')).toMatchObject({ kind: 'actual-allowed', source: 'partners' });
    expect(actual(result, 'https://reseller.example', 'POST', '/partners/feed')).toMatchObject({ kind: 'actual-refused', reason: 'method-not-allowed', source: 'partners' });
    expect(actual(result, 'https://reseller.example', 'GET', '/')).toMatchObject({ kind: 'actual-refused', reason: 'origin-not-allowed' });
    // The route lists its own origins: the top-level source does not apply there.
    expect(actual(result, TENANT, 'GET', '/partners/feed')).toMatchObject({ kind: 'actual-refused', reason: 'origin-not-allowed' });
    expect(actual(result, TENANT, 'GET', '/')).toMatchObject({ kind: 'actual-allowed', source: 'tenant-domains' });
  });

  it('checks static origins first, then sources in declaration order', async () => {
    const twoSources = definePolicy({ name: 'two', origins: [STATIC, { source: 'first', methods: ['GET'] }, { source: 'second', methods: ['GET', 'PUT'] }] });
    const result = bind(twoSources, { first: list(TENANT, STATIC), second: list(TENANT, 'https://b.example') });
    await sourcesReady(result);
    expect(actual(result, STATIC)).not.toHaveProperty('source');
    expect(actual(result, TENANT, 'GET')).toMatchObject({ kind: 'actual-allowed', source: 'first' });
    // The first source that holds the origin decides, even when a later one would allow more.
    expect(preflight(result, TENANT, 'PUT')).toMatchObject({ kind: 'preflight-refused', reason: 'method-not-allowed', source: 'first' });
    expect(preflight(result, 'https://b.example', 'PUT')).toMatchObject({ kind: 'preflight-allowed', source: 'second' });
  });

  it('refuses with origin-not-allowed when no source holds the origin, with source-unavailable when one cannot say', async () => {
    const twoSources = definePolicy({ name: 'two', origins: [STATIC, { source: 'first' }, { source: 'second' }] });
    const result = bind(twoSources, { first: list(TENANT), second: { list: () => new Promise<string[]>(() => {}) } });
    // The first source has listed; the second never will.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(actual(result, TENANT)).toMatchObject({ kind: 'actual-allowed', source: 'first' });
    expect(actual(result, 'https://evil.example')).toMatchObject({ reason: 'source-unavailable', source: 'second' });
  });

  it('refuses while an earlier source cannot answer, even an origin a later source holds: its rules may be looser', async () => {
    const twoSources = definePolicy({ name: 'two', origins: [STATIC, { source: 'first' }, { source: 'second', methods: ['GET'], credentials: true }] });
    const result = bind(twoSources, { first: { list: () => new Promise<string[]>(() => {}) }, second: list(TENANT) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(actual(result, TENANT)).toMatchObject({ kind: 'actual-refused', reason: 'source-unavailable', source: 'first' });
    expect(preflight(result, TENANT, 'GET')).toMatchObject({ kind: 'preflight-refused', reason: 'source-unavailable', source: 'first' });
    expect(actual(result, STATIC)).toMatchObject({ kind: 'actual-allowed' });
  });

  it('stays bound under every environment, and as compiled data', async () => {
    const fromData = loadCompiledPolicy(JSON.parse(JSON.stringify(compilePolicy(policy))));
    for (const target of [policy, fromData]) {
      const result = bind(target, { 'tenant-domains': list(TENANT), partners: list() });
      await sourcesReady(result);
      const development = toRuntimePolicy(result, 'development');
      expect(development.environment).toBe('development');
      expect(actual(development, TENANT).kind).toBe('actual-allowed');
      expect(actual(development, 'http://localhost:3000').kind).toBe('actual-allowed');
      expect(actual(toRuntimePolicy(development, undefined as unknown as string), TENANT).kind).toBe('actual-allowed');
    }
  });

  it('gives decision events the source that allowed the origin', async () => {
    const result = bind(policy, { 'tenant-domains': list(TENANT), partners: list() });
    await sourcesReady(result);
    const events: CorsDecisionEvent[] = [];
    const decide = corsDecider(result, { onDecision: (e) => events.push(e) });
    decide(actualFacts(TENANT));
    decide(preflightFacts(TENANT, 'POST'));
    decide(actualFacts(STATIC));
    expect(events.map((e) => [e.kind, e.reason, e.source])).toEqual([
      ['actual-allowed', 'origin-allowed', 'tenant-domains'],
      ['preflight-allowed', 'origin-allowed', 'tenant-domains'],
      ['actual-allowed', 'origin-allowed', undefined],
    ]);
  });
});

describe('closeSources', () => {
  it('stops the refresh timer and the subscription, and refuses source origins from then on', async () => {
    vi.useFakeTimers();
    let calls = 0;
    let unsubscribed = 0;
    let changed!: () => void;
    const provider: OriginListProvider = {
      list: () => { calls += 1; return [TENANT]; },
      subscribe: (c) => { changed = c; return () => { unsubscribed += 1; }; },
    };
    const result = bindOriginSources(policy, { 'tenant-domains': provider, partners: list() });
    await sourcesReady(result);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    closeSources(result);
    expect(unsubscribed).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    changed();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toBe(1);
    expect(actual(result, TENANT).reason).toBe('source-unavailable');
  });

  it('stops a subscription that is still being set up when it closes', async () => {
    let unsubscribed = 0;
    let ready!: (stop: () => void) => void;
    const result = bindOriginSources(policy, {
      'tenant-domains': { list: () => [TENANT], subscribe: () => new Promise<() => void>((resolve) => { ready = resolve; }) },
      partners: list(),
    });
    closeSources(result);
    ready(() => { unsubscribed += 1; });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(unsubscribed).toBe(1);
  });

  it('resolves sourcesReady when closed before the first listing finished', async () => {
    const result = bindOriginSources(policy, { 'tenant-domains': { list: () => new Promise<string[]>(() => {}) }, partners: list() });
    closeSources(result);
    await expect(sourcesReady(result)).resolves.toBeUndefined();
  });
});

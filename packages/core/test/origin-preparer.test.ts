import { describe, expect, it } from 'vitest';
import { bindOriginSources, closeSources, CorsPolicyError, definePolicy, originPreparer } from '../src/index.js';

const withSource = definePolicy({ name: 'tenants-api', origins: ['https://app.example.com', { source: 'tenants' }], methods: ['GET'] });
const withoutSource = definePolicy({ name: 'plain-api', origins: ['https://app.example.com'], methods: ['GET'] });
const TENANT = 'https://shop.customer.example';

describe('originPreparer: what an adapter awaits before deciding', () => {
  it('is undefined for a policy without sources: adapters keep their synchronous path', () => {
    expect(originPreparer(withoutSource)).toBeUndefined();
  });

  it('refuses, at mount, a policy whose declared sources are not bound, naming each', () => {
    expect(() => originPreparer(withSource)).toThrow(CorsPolicyError);
    try {
      originPreparer(withoutSource, withSource);
      expect.unreachable('an unbound report-only candidate must be refused too');
    } catch (error) {
      expect((error as CorsPolicyError).issues.map((i) => [i.code, i.value])).toEqual([['origins/source-unbound', 'tenants']]);
    }
  });

  it('is undefined for list sources only: their sets are in memory', () => {
    const bound = bindOriginSources(withSource, { tenants: { list: () => [TENANT] } });
    expect(originPreparer(bound)).toBeUndefined();
    closeSources(bound);
  });

  it('asks for a top-level static origin on a route whose rules list only a lookup source (the top-level shortcut does not apply)', async () => {
    const routed = definePolicy({ name: 'routed', origins: ['https://app.example.com'], methods: ['GET'], routes: [{ path: '/partners/**', origins: [{ source: 'tenants' }] }] });
    const bound = bindOriginSources(routed, { tenants: { has: () => false } });
    const prepare = originPreparer(bound)!;
    expect(prepare('https://app.example.com', '/items')).toBeUndefined();
    const pending = prepare('https://app.example.com', '/partners/feed');
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(prepare('https://app.example.com', '/partners/feed')).toBeUndefined();
    closeSources(bound);
  });

  it('for a lookup source: a promise for an unknown origin, nothing once answered, nothing without Origin or for a static origin', async () => {
    const asked: string[] = [];
    const bound = bindOriginSources(withSource, { tenants: { has: (origin) => (asked.push(origin), origin === TENANT) } });
    const prepare = originPreparer(bound);
    expect(prepare).toBeTypeOf('function');
    expect(prepare!(undefined, '/items')).toBeUndefined();
    expect(prepare!('https://app.example.com', '/items')).toBeUndefined();
    const pending = prepare!(TENANT, '/items?page=2');
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(prepare!(TENANT, '/items')).toBeUndefined();
    expect(asked).toEqual([TENANT]);
    closeSources(bound);
  });

  it('combines the enforced policy and a report-only candidate: both lookups are awaited', async () => {
    const asked: string[] = [];
    const enforced = bindOriginSources(withSource, { tenants: { has: (origin) => (asked.push(`enforced ${origin}`), true) } });
    const candidate = bindOriginSources(withSource, { tenants: { has: (origin) => (asked.push(`candidate ${origin}`), false) } });
    await originPreparer(enforced, candidate)!(TENANT, '/items');
    expect(asked.sort()).toEqual([`candidate ${TENANT}`, `enforced ${TENANT}`]);
    expect(originPreparer(withoutSource, candidate)).toBeTypeOf('function');
    [enforced, candidate].forEach(closeSources);
  });
});

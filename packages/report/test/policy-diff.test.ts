import { definePolicy, type PolicyInput, type RouteRuleInput } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { diffPolicies, type PolicyChange } from '../src/policy-diff.js';
import { renderDiffMarkdown } from '../src/render-diff.js';

const base = {
  name: 'api',
  origins: ['https://myapp.com'],
  credentials: true,
  methods: ['GET', 'POST'],
  allowHeaders: ['Content-Type'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
  routes: [
    { path: '/public/**', origins: ['*'], credentials: false },
    { path: '/reports/**', origins: ['https://reports.myapp.com'] },
  ],
  environments: { development: { origins: ['http://localhost:3000'] } },
} satisfies PolicyInput;

function diff(change: (input: PolicyInput) => PolicyInput) {
  return diffPolicies(definePolicy(base), definePolicy(change(structuredClone(base) as PolicyInput)));
}

const brief = (changes: readonly PolicyChange[]) => changes.map((c) => `${c.kind} ${c.code}${c.scope.route ? ` @${c.scope.route}` : ''}${c.scope.environment ? ` [${c.scope.environment}]` : ''}`);

describe('diffPolicies', () => {
  it('finds no change between two loads of the same input', () => {
    expect(diff((p) => p).changes).toEqual([]);
  });

  it('classes removing an origin, a method and an exposed header as tightening', () => {
    const result = diff((p) => ({ ...p, origins: ['https://admin.myapp.com'], methods: ['GET'], exposeHeaders: [] }));
    expect(brief(result.changes)).toEqual([
      'loosening origin-added',
      'tightening origin-removed',
      'tightening method-removed',
      'tightening expose-header-removed',
    ]);
  });

  it('classes turning credentials off and lowering max-age as tightening', () => {
    const result = diff((p) => ({ ...p, credentials: false, maxAge: 60 }));
    expect(brief(result.changes)).toEqual(['tightening credentials-disabled', 'tightening max-age-lowered']);
  });

  it('classes turning Private Network Access on as loosening, with its deprecation warning', () => {
    const noRoutes = { ...base, routes: [] };
    const result = diffPolicies(definePolicy(noRoutes), definePolicy({ ...noRoutes, privateNetwork: true }));
    expect(brief(result.changes)).toEqual(['loosening private-network-enabled', 'loosening finding-introduced']);
  });

  it('compares max-age against the browser default when it was unset', () => {
    const { maxAge: _drop, ...withoutMaxAge } = base;
    const result = diffPolicies(definePolicy(withoutMaxAge), definePolicy(base));
    expect(result.changes[0]).toMatchObject({ kind: 'loosening', code: 'max-age-raised' });
    expect(result.changes[0]?.message).toContain('from unset (browser default, 5 seconds) to 10 minutes');
  });

  it('reports a new route rule with what it loosens compared with the top-level rules', () => {
    const result = diff((p) => ({ ...p, routes: [...(p.routes ?? []), { path: '/admin/**', origins: ['https://admin.myapp.com'], methods: ['GET', 'DELETE'] }] }));
    const added = result.changes.find((c) => c.code === 'route-added');
    expect(added).toMatchObject({ kind: 'loosening', scope: { route: '/admin/**' } });
    expect(brief(added?.details ?? [])).toEqual(
      expect.arrayContaining(['loosening origin-added @/admin/**', 'loosening method-added @/admin/**', 'tightening method-removed @/admin/**']),
    );
  });

  it('reports a removed route by what its paths fall back to: both narrower and, for cookies, wider', () => {
    const result = diff((p) => ({ ...p, routes: [p.routes?.[1] as RouteRuleInput] }));
    const removed = result.changes.find((c) => c.code === 'route-removed');
    // /public/** was `*` without cookies; it now follows the top level: fewer origins, but with cookies.
    expect(removed).toMatchObject({ kind: 'loosening', scope: { route: '/public/**' } });
    expect(brief(removed?.details ?? [])).toEqual(
      expect.arrayContaining(['tightening any-origin-removed @/public/**', 'loosening credentials-enabled @/public/**']),
    );
  });

  it('reports switching CORS off for a route as tightening, and reordering routes as neutral', () => {
    const routes = base.routes as [RouteRuleInput, RouteRuleInput];
    const off = diff((p) => ({ ...p, routes: [routes[0], { ...routes[1], disabled: true }] }));
    expect(brief(off.changes)).toContain('tightening route-disabled @/reports/**');
    const reordered = diff((p) => ({ ...p, routes: [routes[1], routes[0]] }));
    expect(brief(reordered.changes)).toEqual(['neutral routes-reordered']);
  });

  it('ignores an inherited field changing on a route: it is reported once, at the top level', () => {
    const result = diff((p) => ({ ...p, allowHeaders: ['Content-Type', 'Authorization'] }));
    expect(brief(result.changes)).toEqual(['loosening allow-header-added']);
  });

  it('reports an environment overlay that adds an origin, and only what it adds beyond the top level', () => {
    const result = diff((p) => ({
      ...p,
      origins: [...p.origins, 'https://checkout.myapp.com'],
      environments: { development: { origins: ['http://localhost:3000', 'http://localhost:5173'] } },
    }));
    expect(brief(result.changes)).toEqual([
      'loosening origin-added',
      'loosening origin-added [development]',
      'loosening origin-added @/reports/** [development]',
    ]);
    expect(result.changes[1]?.after).toBe('http://localhost:5173');
  });

  it('reports a new environment overlay with its effect, and a removed one', () => {
    const added = diff((p) => ({ ...p, environments: { ...p.environments, staging: { origins: ['https://staging.myapp.com'] } } }));
    expect(added.changes.find((c) => c.code === 'environment-added')).toMatchObject({ kind: 'loosening', scope: { environment: 'staging' } });
    const removed = diff((p) => ({ ...p, environments: {} }));
    expect(removed.changes.find((c) => c.code === 'environment-removed')).toMatchObject({ kind: 'tightening', scope: { environment: 'development' } });
  });

  it('classes turning off preflight Vary as loosening and status changes as neutral', () => {
    const result = diff((p) => ({ ...p, preflight: { vary: false, refusedStatus: 404 } }));
    expect(brief(result.changes)).toEqual(['loosening preflight-changed', 'neutral preflight-changed']);
  });

  it('reports findings introduced and resolved, and acknowledgements', () => {
    const noisy = diff((p) => ({ ...p, maxAge: 10000 }));
    expect(brief(noisy.changes)).toEqual(['loosening max-age-raised', 'loosening finding-introduced']);
    const accepted = diffPolicies(
      definePolicy({ ...base, maxAge: 10000 }),
      definePolicy({ ...base, maxAge: 10000, acknowledgements: [{ rule: 'max-age/above-browser-cap', path: 'maxAge', reason: 'Firefox caches longer.' }] }),
    );
    expect(brief(accepted.changes)).toEqual(['neutral warning-acknowledged']);
    expect(accepted.changes[0]?.message).toContain('Firefox caches longer.');
    const resolved = diffPolicies(definePolicy({ ...base, maxAge: 10000 }), definePolicy(base));
    expect(brief(resolved.changes)).toEqual(['tightening max-age-lowered', 'tightening finding-resolved']);
  });

  describe('acknowledgements', () => {
    const staging = 'http://staging.myapp.com';
    const ackStaging = { rule: 'origins/insecure-with-credentials', value: staging, reason: 'Staging has no TLS; test data only.' };
    const withStaging = { ...base, environments: { staging: { origins: ['https://myapp.com', staging] } }, acknowledgements: [ackStaging] } satisfies PolicyInput;

    it('an acknowledgement for a staging http origin does not make a new production http origin neutral', () => {
      const result = diffPolicies(definePolicy(withStaging), definePolicy({ ...withStaging, origins: ['https://myapp.com', 'http://legacy.myapp.com'] }));
      const finding = result.changes.find((c) => c.code === 'finding-introduced');
      expect(finding).toMatchObject({ kind: 'loosening', after: { value: 'http://legacy.myapp.com' } });
      expect(finding?.message).not.toContain('acknowledged');
    });

    it('classes a new finding as a loosening even when the same change acknowledges it', () => {
      const result = diffPolicies(definePolicy(base), definePolicy(withStaging));
      const finding = result.changes.find((c) => c.code === 'finding-introduced');
      expect(finding?.kind).toBe('loosening');
      expect(finding?.message).toContain('(new finding, acknowledged: Staging has no TLS; test data only.)');
    });

    it('lists a changed justification and a changed scope', () => {
      const reworded = diffPolicies(
        definePolicy(withStaging),
        definePolicy({ ...withStaging, acknowledgements: [{ ...ackStaging, reason: 'Accepted by security.' }] }),
      );
      expect(brief(reworded.changes)).toEqual(['neutral acknowledgement-changed']);
      expect(reworded.changes[0]?.message).toContain('changed from "Staging has no TLS; test data only." to "Accepted by security."');

      const rescoped = diffPolicies(
        definePolicy(withStaging),
        definePolicy({ ...withStaging, acknowledgements: [{ ...ackStaging, path: 'environments.staging.origins[1]' }] }),
      );
      expect(brief(rescoped.changes)).toEqual(['neutral acknowledgement-changed']);
      expect(rescoped.changes[0]?.message).toBe(
        'Acknowledgement of `origins/insecure-with-credentials` ("Staging has no TLS; test data only.") now covers path `environments.staging.origins[1]`, value `http://staging.myapp.com` (was value `http://staging.myapp.com`)',
      );
    });
  });

  it('renders loosenings before tightenings in Markdown', () => {
    const md = renderDiffMarkdown(diff((p) => ({ ...p, origins: ['https://admin.myapp.com'] })));
    expect(md.indexOf('#### ⚠️ Loosening')).toBeGreaterThan(-1);
    expect(md.indexOf('#### ⚠️ Loosening')).toBeLessThan(md.indexOf('#### Tightening'));
  });
});

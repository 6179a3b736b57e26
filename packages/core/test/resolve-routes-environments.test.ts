import { describe, expect, it } from 'vitest';
import { CorsPolicyError, DecisionReason, definePolicy, policyForEnvironment, toPolicy, type PolicyInput } from '../src/index.js';
import { actual, header, preflight } from './helpers.js';

const APP = 'https://app.example.com';

const input = {
  name: 'routes-api',
  origins: [APP],
  credentials: true,
  methods: ['GET', 'POST', 'PUT'],
  allowHeaders: ['Authorization'],
  maxAge: 600,
  routes: [
    { path: '/public/**', origins: ['*'], credentials: false, methods: ['GET'] },
    { path: '/internal/**', disabled: true },
    { path: '/partners/*/feed', origins: ['https://partner.example'] },
    { path: '/partners/**', maxAge: 60 },
  ],
  environments: {
    development: { origins: ['http://localhost:3000'] },
    staging: { origins: ['https://staging.example.com'], maxAge: 5 },
  },
} satisfies PolicyInput;

const policy = definePolicy(input);

describe('route rules', () => {
  it('apply the first rule whose path matches', () => {
    expect(actual(policy, APP, 'GET', '/partners/acme/feed').route).toEqual({ index: 2, path: '/partners/*/feed' });
    expect(actual(policy, APP, 'GET', '/partners/acme').route).toEqual({ index: 3, path: '/partners/**' });
    expect(actual(policy, APP, 'GET', '/api/items').route).toBeUndefined();
  });

  it('replace the fields they set and inherit the others', () => {
    const feed = policy.routes[2];
    expect(feed?.origins).toEqual(['https://partner.example']);
    expect(feed?.credentials).toBe(true);
    expect(feed?.maxAge).toBe(600);
    const decision = actual(policy, 'https://partner.example', 'GET', '/partners/acme/feed');
    expect(header(decision, 'Access-Control-Allow-Origin')).toBe('https://partner.example');
    expect(header(decision, 'Access-Control-Allow-Credentials')).toBe('true');
    expect(actual(policy, APP, 'GET', '/partners/acme/feed').kind).toBe('actual-refused');
    expect(header(preflight(policy, APP, 'PUT', { path: '/partners/acme' }), 'Access-Control-Max-Age')).toBe('60');
  });

  it('can make a path public with "*" and no credentials', () => {
    const decision = actual(policy, 'https://anyone.example', 'GET', '/public/status');
    expect(decision.headers).toEqual([['Access-Control-Allow-Origin', '*']]);
    expect(decision.vary).toEqual([]);
    expect(actual(policy, undefined, 'GET', '/public/status').headers).toEqual([['Access-Control-Allow-Origin', '*']]);
    expect(actual(policy, 'https://anyone.example', 'PUT', '/public/status').kind).toBe('actual-refused');
  });

  it('match the path only, whatever the query string (facts carry the path)', () => {
    expect(actual(policy, 'https://anyone.example', 'GET', '/public').route?.index).toBe(0);
    expect(actual(policy, 'https://anyone.example', 'GET', '/publicity').route).toBeUndefined();
  });

  it('match paths ASCII-case-insensitively and ignore trailing slashes, as Express, Koa and Nest route', () => {
    expect(actual(policy, 'https://anyone.example', 'GET', '/Public/status').route?.index).toBe(0);
    expect(actual(policy, 'https://anyone.example', 'GET', '/public/').route?.index).toBe(0);
    // The framework would serve /INTERNAL/metrics with the /internal handler: the disabled rule must apply too.
    expect(actual(policy, APP, 'GET', '/INTERNAL/Metrics/')).toMatchObject({ kind: 'actual-refused', reason: DecisionReason.RouteDisabled });
    // No Unicode folding: the Kelvin sign is not a k.
    expect(actual(policy, 'https://anyone.example', 'GET', '/public/status').route?.index).toBe(0);
    expect(actual(policy, APP, 'GET', '/internal/\u212Aey').route?.index).toBe(1);
    expect(actual(policy, APP, 'GET', '/\u0130nternal/x').route).toBeUndefined();
  });

  it('switch CORS off when disabled: preflights refused, no CORS headers, even for listed origins', () => {
    expect(actual(policy, APP, 'GET', '/internal/metrics')).toMatchObject({ kind: 'actual-refused', reason: DecisionReason.RouteDisabled, headers: [] });
    expect(preflight(policy, APP, 'PUT', { path: '/internal/metrics' })).toMatchObject({ kind: 'preflight-refused', reason: DecisionReason.RouteDisabled, status: 403, headers: [] });
    expect(actual(policy, undefined, 'GET', '/internal/metrics').headers).toEqual([]);
  });

  it('a disabled route under a "*" policy sends no Access-Control-Allow-Origin: *', () => {
    const star = definePolicy({ name: 'star', origins: ['*'], routes: [{ path: '/admin/**', disabled: true }] });
    expect(actual(star, undefined, 'GET', '/admin/x').headers).toEqual([]);
    expect(actual(star, 'https://anyone.example', 'GET', '/admin/x').headers).toEqual([]);
    expect(actual(star, undefined, 'GET', '/other').headers).toEqual([['Access-Control-Allow-Origin', '*']]);
  });

  it('a "*" segment matches exactly one non-empty segment', () => {
    expect(actual(policy, APP, 'GET', '/partners//feed').route?.index).toBe(3);
    expect(actual(policy, APP, 'GET', '/partners/a/b/feed').route?.index).toBe(3);
  });
});

describe('environment overlays', () => {
  it('are not applied unless the loader selects one', () => {
    expect(policy.environment).toBeUndefined();
    expect(policy.environments).toEqual(['development', 'staging']);
    expect(actual(policy, 'http://localhost:3000').kind).toBe('actual-refused');
  });

  it('add origins to the top-level list (never replace them)', () => {
    const dev = definePolicy(input, { environment: 'development' });
    expect(dev.environment).toBe('development');
    expect(dev.rules.origins).toEqual([APP, 'http://localhost:3000']);
    expect(header(actual(dev, 'http://localhost:3000'), 'Access-Control-Allow-Origin')).toBe('http://localhost:3000');
    expect(header(actual(dev, APP), 'Access-Control-Allow-Origin')).toBe(APP);
  });

  it('add origins to routes that list their own, but not to "*" routes', () => {
    const dev = definePolicy(input, { environment: 'development' });
    expect(dev.routes[2]?.origins).toEqual(['https://partner.example', 'http://localhost:3000']);
    expect(dev.routes[0]?.origins).toEqual(['*']);
  });

  it('replace every other field', () => {
    const staging = definePolicy(input, { environment: 'staging' });
    expect(staging.rules.maxAge).toBe(5);
    expect(header(preflight(staging, 'https://staging.example.com', 'PUT'), 'Access-Control-Max-Age')).toBe('5');
  });

  it('refuse to load an environment the policy does not define', () => {
    expect(() => definePolicy(input, { environment: 'production' })).toThrow(CorsPolicyError);
    try {
      definePolicy(input, { environment: 'production' });
    } catch (error) {
      expect((error as CorsPolicyError).issues.map((i) => [i.code, i.path])).toEqual([['environments/unknown', ['environments']]]);
    }
  });

  it('are all validated whichever one is selected', () => {
    const bad = { ...input, environments: { ...input.environments, preview: { credentials: true, origins: ['https://*.vercel.app'] } } };
    expect(() => definePolicy(bad)).toThrow(/patterns\/public-suffix/);
  });

  it('can be switched with policyForEnvironment and toPolicy', () => {
    const dev = policyForEnvironment(policy, 'development');
    expect(dev.environment).toBe('development');
    expect(policyForEnvironment(dev, undefined).environment).toBeUndefined();
    expect(toPolicy(policy)).toBe(policy);
    expect(toPolicy(policy, { environment: 'staging' }).environment).toBe('staging');
    expect(toPolicy(input, { environment: 'development' }).rules.origins).toContain('http://localhost:3000');
  });
});

describe('EffectiveRoute.own', () => {
  it('holds exactly the fields each route rule sets itself, normalised like the effective rules', () => {
    expect(policy.routes.map((r) => r.own)).toEqual([
      { origins: ['*'], credentials: false, methods: ['GET'] },
      {},
      { origins: ['https://partner.example'] },
      { maxAge: 60 },
    ]);
    const normalised = definePolicy({ ...input, routes: [{ path: '/a', methods: ['get', 'PATCH'], allowHeaders: ['X-Trace'], exposeHeaders: ['X-Id'], privateNetwork: false }] });
    expect(normalised.routes[0]?.own).toEqual({ methods: ['GET', 'PATCH'], allowHeaders: ['x-trace'], exposeHeaders: ['X-Id'], privateNetwork: false });
  });

  it('lets a report tell an override from an inherited value', () => {
    const feed = policy.routes[2];
    expect(feed?.credentials).toBe(true);
    expect(feed !== undefined && 'credentials' in feed.own).toBe(false);
    expect(policy.routes[0] !== undefined && 'credentials' in policy.routes[0].own).toBe(true);
  });

  it('excludes origins an environment overlay adds', () => {
    const dev = definePolicy(input, { environment: 'development' });
    expect(dev.routes[2]?.origins).toEqual(['https://partner.example', 'http://localhost:3000']);
    expect(dev.routes[2]?.own.origins).toEqual(['https://partner.example']);
  });
});

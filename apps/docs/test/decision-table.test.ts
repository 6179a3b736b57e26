import { definePolicy, resolveCors } from '@org/cors-core';
import { apiPolicy } from '@org/cors-policies';
import { describe, expect, it } from 'vitest';
import { decisionTable, FOREIGN_ORIGIN, pathGovernedBy } from '../lib/decision-table';

const rows = decisionTable(apiPolicy);
const row = (title: string) => {
  const found = rows.find((r) => r.title === title);
  if (found === undefined) throw new Error(`no row "${title}" in ${rows.map((r) => r.title).join(' | ')}`);
  return found;
};

describe('decisionTable for the storefront policy', () => {
  it('lets a listed origin read a simple GET, without a preflight', () => {
    const r = row('Listed origin, simple GET');
    expect(apiPolicy.rules.origins).toContain(r.request.origin);
    expect(r).toMatchObject({ allowed: true, preflight: 'none' });
    expect(r.headers).toContainEqual(['Access-Control-Allow-Origin', r.request.origin]);
  });

  it('lets a listed origin PUT with cookies and Authorization after an allowed preflight', () => {
    const r = row('Listed origin, PUT with cookies and Authorization');
    expect(r.allowed).toBe(true);
    expect(r.preflight).toMatchObject({ allowed: true, status: apiPolicy.preflight.successStatus });
    expect(r.headers).toContainEqual(['Access-Control-Allow-Credentials', 'true']);
  });

  it('refuses a method and a header the policy does not list at the preflight', () => {
    expect(row('Listed origin, a method the policy omits (PATCH)')).toMatchObject({ allowed: false, preflight: { allowed: false, status: apiPolicy.preflight.refusedStatus } });
    expect(row('Listed origin, an unlisted request header')).toMatchObject({ allowed: false, preflight: { allowed: false } });
  });

  it('refuses an unlisted website and the "null" origin, sending no CORS headers', () => {
    for (const title of ['Unlisted website, GET with cookies', '"null" origin (sandboxed iframe, file: page)']) {
      expect(row(title)).toMatchObject({ allowed: false, headers: [] });
    }
  });

  it('opens the public route to any website without cookies, and refuses it with cookies', () => {
    expect(row('Route /public/**, any website, simple GET')).toMatchObject({ allowed: true, request: { origin: FOREIGN_ORIGIN, credentials: false } });
    expect(row('Route /public/**, any website, GET with cookies').allowed).toBe(false);
  });

  it('refuses even a listed origin on the disabled route', () => {
    const r = row('Route /internal/** (CORS off), listed origin');
    expect(apiPolicy.rules.origins).toContain(r.request.origin);
    expect(r.allowed).toBe(false);
  });

  it('refuses a development origin in production and allows it when the policy is loaded for development', () => {
    const prod = row('Origin added for development, policy loaded for production');
    const dev = row('Origin added for development, policy loaded for development');
    expect(prod.request.origin).toBe(dev.request.origin);
    expect(apiPolicy.rules.origins).not.toContain(prod.request.origin);
    expect([prod.allowed, dev.allowed, dev.environment]).toEqual([false, true, 'development']);
  });

  it('treats a request without Origin as not CORS', () => {
    const r = row('No Origin (same-origin page, curl, server to server)');
    expect(r.allowed).toBe(true);
    expect(r.summary).toMatch(/^Not a CORS request/);
  });
});

describe('pathGovernedBy', () => {
  it('finds a concrete path each route rule governs, confirmed by the resolver', () => {
    apiPolicy.routes.forEach((route, index) => {
      const path = pathGovernedBy(apiPolicy, index);
      expect(path).toBeDefined();
      const decision = resolveCors(apiPolicy, { method: 'GET', path: path!, origin: FOREIGN_ORIGIN, accessControlRequestMethod: undefined, accessControlRequestHeaders: undefined, accessControlRequestPrivateNetwork: undefined });
      expect(decision.route?.path).toBe(route.path);
    });
  });

  it('finds no path for the top level when a catch-all route covers everything, and skips those rows', () => {
    const policy = definePolicy({ name: 'all-public', origins: ['https://a.example'], routes: [{ path: '/**', origins: ['*'] }] });
    expect(pathGovernedBy(policy, undefined)).toBeUndefined();
    expect(decisionTable(policy).map((r) => r.title)).not.toContain('Listed origin, simple GET');
  });

  it('uses a subdomain of a pattern as the listed origin', () => {
    const policy = definePolicy({ name: 'pattern', origins: ['https://*.myapp.com'], credentials: true });
    const r = decisionTable(policy).find((x) => x.title === 'Listed origin, simple GET');
    expect(r).toMatchObject({ allowed: true, request: { origin: 'https://app.myapp.com' } });
  });
});

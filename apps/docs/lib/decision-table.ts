import { explain, policyForEnvironment, resolveCors } from '@org/cors-core';
import type { CorsPolicy, ExplainRequest, HeaderPairs } from '@org/cors-core';

/*
 * Canonical requests every policy is asked about, answered by core's `explain()` at build time.
 * The requests are derived from the policy (its own origins, routes and overlays) so that each row
 * shows one thing an auditor must be able to sign off: who gets in, who does not, and where.
 */

/** An origin no policy should list: the stand-in for "some other website". */
export const FOREIGN_ORIGIN = 'https://evil.example';

export interface CanonicalRequest {
  /** What the row demonstrates, e.g. `Listed origin, simple GET`. */
  readonly title: string;
  /** Overlay to load the policy with; `undefined` for the base (production) policy. */
  readonly environment: string | undefined;
  readonly request: Required<Pick<ExplainRequest, 'origin' | 'method' | 'path' | 'credentials'>> & { readonly headers: readonly string[] };
}

export interface DecisionRow extends CanonicalRequest {
  readonly allowed: boolean;
  /** `none`, or the preflight's outcome with its status. */
  readonly preflight: 'none' | { readonly allowed: boolean; readonly status: number | undefined; readonly headers: HeaderPairs };
  readonly summary: string;
  /** CORS headers on the actual response (empty when refused). */
  readonly headers: HeaderPairs;
  readonly steps: readonly string[];
}

/** The canonical requests for a policy (base policy as loaded, no overlay). */
export function canonicalRequests(policy: CorsPolicy): CanonicalRequest[] {
  const rows: CanonicalRequest[] = [];
  const topPath = pathGovernedBy(policy, undefined);
  const listed = firstListedOrigin(policy.rules.origins);
  const add = (title: string, environment: string | undefined, origin: string, method: string, path: string, credentials: boolean, headers: readonly string[] = []) =>
    rows.push({ title, environment, request: { origin, method, path, credentials, headers } });

  if (topPath !== undefined) {
    add('Listed origin, simple GET', undefined, listed, 'GET', topPath, false);
    add('Listed origin, PUT with cookies and Authorization', undefined, listed, 'PUT', topPath, true, ['Content-Type', 'Authorization']);
    if (!policy.rules.methods.includes('PATCH') && !policy.rules.methods.includes('*')) add('Listed origin, a method the policy omits (PATCH)', undefined, listed, 'PATCH', topPath, policy.rules.credentials, ['Content-Type']);
    if (!policy.rules.allowHeaders.includes('*')) add('Listed origin, an unlisted request header', undefined, listed, 'GET', topPath, policy.rules.credentials, ['X-Debug']);
    add('Unlisted website, GET with cookies', undefined, FOREIGN_ORIGIN, 'GET', topPath, true);
    add('"null" origin (sandboxed iframe, file: page)', undefined, 'null', 'GET', topPath, true);
  }
  policy.routes.forEach((route, index) => {
    const path = pathGovernedBy(policy, index);
    if (path === undefined) return; // shadowed by an earlier rule: core's lint already says so
    if (route.disabled) {
      add(`Route ${route.path} (CORS off), listed origin`, undefined, listed, 'GET', path, policy.rules.credentials);
      return;
    }
    const isPublic = route.origins.includes('*');
    const origin = isPublic ? FOREIGN_ORIGIN : firstListedOrigin(route.origins);
    add(`Route ${route.path}, ${isPublic ? 'any website' : 'its listed origin'}, simple GET`, undefined, origin, 'GET', path, route.credentials);
    if (isPublic) add(`Route ${route.path}, any website, GET with cookies`, undefined, origin, 'GET', path, true);
  });
  for (const name of policy.environments) {
    const loaded = policyForEnvironment(policy, name);
    const added = loaded.rules.origins.find((o) => !policy.rules.origins.includes(o) && o !== '*');
    if (added === undefined || topPath === undefined) continue;
    const credentials = loaded.rules.credentials;
    add(`Origin added for ${name}, policy loaded for production`, undefined, concreteOrigin(added), 'GET', topPath, credentials);
    add(`Origin added for ${name}, policy loaded for ${name}`, name, concreteOrigin(added), 'GET', topPath, credentials);
  }
  add('No Origin (same-origin page, curl, server to server)', undefined, '', 'GET', topPath ?? '/', false);
  return rows;
}

/** Answers each canonical request with core's `explain()`, the way a browser would experience it. */
export function decisionTable(policy: CorsPolicy): DecisionRow[] {
  const byEnvironment = new Map<string | undefined, CorsPolicy>([[undefined, policy]]);
  return canonicalRequests(policy).map((row) => {
    let loaded = byEnvironment.get(row.environment);
    if (loaded === undefined) {
      loaded = policyForEnvironment(policy, row.environment);
      byEnvironment.set(row.environment, loaded);
    }
    const { origin, ...rest } = row.request;
    const result = explain(loaded, { ...rest, origin: origin === '' ? undefined : origin });
    const pre = result.preflight.decision;
    return {
      ...row,
      allowed: result.allowed,
      preflight: !result.preflight.needed || pre === undefined ? 'none' : { allowed: pre.kind === 'preflight-allowed', status: 'status' in pre ? pre.status : undefined, headers: pre.headers },
      summary: result.summary,
      headers: result.actual.headers,
      steps: result.steps,
    };
  });
}

/**
 * A concrete path that the given context governs: route `index`, or the top-level rules when
 * `undefined`. Candidates come from the route pattern; core's resolver confirms which rule applies.
 */
export function pathGovernedBy(policy: CorsPolicy, index: number | undefined): string | undefined {
  const candidates = index === undefined
    ? ['/api/items', '/', '/items', '/v1/items', '/app']
    : examplePaths(policy.routes[index]?.path ?? '/');
  return candidates.find((path) => {
    const decision = resolveCors(policy, { method: 'GET', path, origin: FOREIGN_ORIGIN, accessControlRequestMethod: undefined, accessControlRequestHeaders: undefined, accessControlRequestPrivateNetwork: undefined });
    return (decision.route?.index ?? undefined) === index;
  });
}

/** Paths a route pattern matches: `*` and `**` filled with sample segments. */
function examplePaths(pattern: string): string[] {
  const fill = (seg: string) => pattern.replace(/\/\*\*$/, `/${seg}`).replace(/\*\*/g, seg).replace(/\*/g, 'item');
  return [fill('status'), fill('a/b'), pattern.replace(/\/\*\*$/, '') || '/'];
}

/** The first concrete origin a list allows (a pattern becomes one of its subdomains). */
function firstListedOrigin(origins: readonly string[]): string {
  const exact = origins.find((o) => !o.includes('*'));
  if (exact !== undefined) return exact;
  const pattern = origins.find((o) => o !== '*');
  return pattern === undefined ? FOREIGN_ORIGIN : concreteOrigin(pattern);
}

/** `https://*.example.com:*` → `https://app.example.com:8443`. */
function concreteOrigin(origin: string): string {
  return origin.replace('://*.', '://app.').replace(/:\*$/, ':8443');
}

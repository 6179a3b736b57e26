import { definePolicy, explain, policyForEnvironment } from '@org/cors-core';
import type { CorsPolicy, EffectiveRules } from '@org/cors-core';
import { originKind, type OriginKind } from '../describe.js';

/** What one policy lets pages on one origin do, in one scope, under one or more environments. */
export interface OriginGrant {
  /** The policy's name. */
  readonly policy: string;
  /** Environments in which this grant holds; `undefined` in the list is the base policy. */
  readonly environments: readonly (string | undefined)[];
  /** The route rule's path pattern, or `undefined` for the top-level rules (all other paths). */
  readonly route: string | undefined;
  /** The policy's entry that lets the origin in: the origin itself, a subdomain pattern, or `*`. */
  readonly via: string;
  /** Whether responses are readable with the user's cookies. */
  readonly credentials: boolean;
  /** Methods pages may use (`*`: any). */
  readonly methods: readonly string[];
  /** Non-safelisted request headers pages may send (lower-cased, as core keeps them; `*`: any but Authorization). */
  readonly allowHeaders: readonly string[];
  /** Response headers scripts may read beyond the safelisted ones. */
  readonly exposeHeaders: readonly string[];
}

/** One origin or pattern that appears in some policy, and every grant it receives. */
export interface OriginIndexEntry {
  /** As written in the policies: an exact origin, a pattern, `*` or `null`. */
  readonly origin: string;
  readonly kind: OriginKind;
  /** The origin page's file name (without `.html`), unique in the index. */
  readonly slug: string;
  /** The policies that name this entry literally. */
  readonly listedBy: readonly string[];
  /**
   * For an exact origin: every policy/route/environment whose answer (computed by core's `explain`)
   * lets pages on it read responses, including through a pattern or `*`. For a pattern or `*`: the
   * scopes that list it, as written.
   */
  readonly grants: readonly OriginGrant[];
}

interface Scope {
  readonly policy: CorsPolicy;
  readonly environment: string | undefined;
  readonly route: string | undefined;
  readonly routeIndex: number | undefined;
  readonly rules: EffectiveRules;
  /** A path this scope governs (checked with the resolver), or `undefined` when none reaches it. */
  readonly path: string | undefined;
}

/**
 * Every origin and pattern named anywhere in the policies (top level, route rules, environment
 * overlays), each with what it may do in each policy: "which APIs may pages on https://partner.example
 * read". Exact origins are asked of core's `explain()` — the same resolver that enforces the policy —
 * so the index cannot disagree with enforcement; pattern and `*` entries are listed as written.
 *
 * @example
 * const index = buildOriginIndex([storefront, partnerApi]);
 * index.find((e) => e.origin === 'https://partner.example')?.grants; // one per policy that lets it read
 */
export function buildOriginIndex(policies: readonly CorsPolicy[]): OriginIndexEntry[] {
  const scopes = policies.flatMap(policyScopes);
  const listed = new Map<string, Set<string>>();
  for (const scope of scopes) {
    for (const origin of scope.rules.origins) {
      const names = listed.get(origin) ?? new Set<string>();
      names.add(scope.policy.name);
      listed.set(origin, names);
    }
  }
  const origins = [...listed.keys()].sort(compareOrigins);
  const slugs = uniqueSlugs(origins);
  return origins.map((origin, i) => {
    const kind = originKind(origin);
    const grants = kind === 'exact' && origin !== 'null' ? scopes.flatMap((s) => exactGrant(s, origin)) : scopes.flatMap((s) => listedGrant(s, origin));
    return { origin, kind, slug: slugs[i] as string, listedBy: [...(listed.get(origin) as Set<string>)].sort(), grants: mergeEnvironments(grants) };
  });
}

function policyScopes(base: CorsPolicy): Scope[] {
  const loaded = [base, ...base.environments.map((name) => policyForEnvironment(base, name))];
  return loaded.flatMap((policy) => {
    const top: Scope = { policy, environment: policy.environment, route: undefined, routeIndex: undefined, rules: policy.rules, path: topLevelPath(policy) };
    const routes = policy.routes.flatMap((route, index): Scope[] =>
      route.disabled ? [] : [{ policy, environment: policy.environment, route: route.path, routeIndex: index, rules: route, path: routePath(policy, index) }],
    );
    return [top, ...routes];
  });
}

/** A path the top-level rules govern (no route matches it), if any. */
function topLevelPath(policy: CorsPolicy): string | undefined {
  return ['/', '/cors-policy-site-probe', '/cors-policy-site-probe/a/b'].find((path) => governingRoute(policy, path) === undefined);
}

/** A concrete path the route governs (`/public/**` → `/public/example`), unless an earlier rule shadows it. */
function routePath(policy: CorsPolicy, index: number): string | undefined {
  const pattern = policy.routes[index]?.path ?? '/';
  const path = pattern.split('/').map((segment) => (segment === '*' || segment === '**' ? 'example' : segment)).join('/') || '/';
  return governingRoute(policy, path) === index ? path : undefined;
}

function governingRoute(policy: CorsPolicy, path: string): number | undefined {
  // Without an Origin header the resolver still reports which rule governs the path.
  return explain(policy, { method: 'GET', path }).actual.route?.index;
}

/** What the resolver lets pages on `origin` do in this scope; nothing when it refuses them. */
function exactGrant(scope: Scope, origin: string): OriginGrant[] {
  const { policy, rules, path } = scope;
  if (path === undefined) return [];
  const ask = (method: string, headers: readonly string[], credentials: boolean) => explain(policy, { origin, method, path, headers, credentials }).allowed;
  const probeMethod = rules.methods.includes('GET') || rules.methods.includes('*') ? 'GET' : (rules.methods[0] ?? 'GET');
  if (!ask(probeMethod, [], false)) return [];
  const credentials = ask(probeMethod, [], true);
  const methods = rules.methods.filter((m) => ask(m === '*' ? 'PROPFIND' : m, [], credentials));
  const allowHeaders = rules.allowHeaders.filter((h) => ask(probeMethod, [h === '*' ? 'x-cors-policy-site-probe' : h], credentials));
  return [
    {
      policy: policy.name,
      environments: [scope.environment],
      route: scope.route,
      via: rules.origins.includes(origin) ? origin : (rules.origins.find((entry) => entryAdmits(entry, origin)) ?? 'a pattern'),
      credentials,
      methods,
      allowHeaders,
      exposeHeaders: rules.exposeHeaders,
    },
  ];
}

function listedGrant(scope: Scope, origin: string): OriginGrant[] {
  if (!scope.rules.origins.includes(origin) || scope.path === undefined) return [];
  const { rules } = scope;
  return [
    {
      policy: scope.policy.name,
      environments: [scope.environment],
      route: scope.route,
      via: origin,
      credentials: rules.credentials && origin !== '*',
      methods: rules.methods,
      allowHeaders: rules.allowHeaders,
      exposeHeaders: rules.exposeHeaders,
    },
  ];
}

const admitCache = new Map<string, CorsPolicy | null>();

/** Whether one origin entry admits `origin`, asked of core with a one-entry policy. */
function entryAdmits(entry: string, origin: string): boolean {
  if (entry === '*') return true;
  let probe = admitCache.get(entry);
  if (probe === undefined) {
    try {
      probe = definePolicy({ name: 'probe', origins: [entry] });
    } catch {
      probe = null;
    }
    admitCache.set(entry, probe);
  }
  return probe !== null && explain(probe, { origin }).allowed;
}

/** One row per identical grant, with every environment it holds in (base policy first). */
function mergeEnvironments(grants: readonly OriginGrant[]): OriginGrant[] {
  const byKey = new Map<string, OriginGrant>();
  for (const grant of grants) {
    const key = JSON.stringify([grant.policy, grant.route, grant.via, grant.credentials, grant.methods, grant.allowHeaders, grant.exposeHeaders]);
    const seen = byKey.get(key);
    byKey.set(key, seen === undefined ? grant : { ...seen, environments: [...seen.environments, ...grant.environments] });
  }
  return [...byKey.values()];
}

/** Exact origins first (alphabetically), then patterns, then `null` and `*`. */
function compareOrigins(a: string, b: string): number {
  const rank = (o: string) => (o === '*' ? 3 : o === 'null' ? 2 : originKind(o) === 'pattern' ? 1 : 0);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** `https://partner.example` → `https--partner.example`; `https://*.x.com:*` → `https--_.x.com_any`; `*` → `any-origin`. */
function uniqueSlugs(origins: readonly string[]): string[] {
  const used = new Set<string>();
  return origins.map((origin) => {
    const readable =
      origin === '*'
        ? 'any-origin'
        : origin.toLowerCase().replace('://', '--').replace(/:\*$/, '_any').replace(/\*/g, '_').replace(/:/g, '_').replace(/[^a-z0-9._-]+/g, '-').slice(0, 100);
    const base = readable === '' ? 'origin' : readable;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

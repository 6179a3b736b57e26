import { getDomain, getPublicSuffix } from 'tldts';
import { analyseOriginEntry, isLoopbackHost } from './origin-entry.js';
import type { CorsPolicy, EffectiveOriginSource } from './policy.js';
import { isSourceEntry, type OriginEntryInput } from './policy-schema.js';
import { policyForEnvironment } from './define-policy.js';
import type { IssuePath } from './policy-issue.js';
import type { RuleCode } from './rules.js';

/*
 * What an origin entry is, as plain data, from the same analysis the linter and the compiler use:
 * reports ask "is this loopback / plain http / a pattern" here instead of re-deriving it by regex.
 */

/** Facts about one origin entry as written in a policy. */
export interface OriginFacts {
  /** The entry as written. */
  readonly entry: string;
  /** `any`: `"*"`; `exact`: one origin; `pattern`: `*.` host and/or `:*` port; `invalid`: refused by the linter. */
  readonly kind: 'any' | 'exact' | 'pattern' | 'invalid';
  /** Lower-case scheme (`https`), for exact origins and patterns. */
  readonly scheme: string | undefined;
  /** The host of an exact origin, or the base host of a pattern (`example.com` for `https://*.example.com`); IPv6 in brackets. */
  readonly host: string | undefined;
  /** The one port, `'*'` for any port, `undefined` for the scheme's default. */
  readonly port: number | '*' | undefined;
  /** `https`, or a loopback host (where plain http carries no network risk). */
  readonly secure: boolean;
  /** `localhost`, `*.localhost`, `127.x.x.x` or `[::1]`. */
  readonly loopback: boolean;
  /** The host is an IP literal. */
  readonly ip: boolean;
  /** `*.` stands for one or more labels before `host`. */
  readonly wildcardHost: boolean;
  /** `:*`: any port. */
  readonly anyPort: boolean;
  /** For a `*.` pattern, the domain whose every subdomain it covers (`example.com`). */
  readonly patternBase: string | undefined;
  /** The host's public suffix (`com`, `co.uk`, `github.io`), from the Public Suffix List including private domains; `undefined` for IPs and loopback. */
  readonly publicSuffix: string | undefined;
  /** The registrable domain (`example.com` for `api.example.com`); `undefined` when the host is itself a public suffix, an IP or loopback. */
  readonly registrableDomain: string | undefined;
  /** The entry is `"null"`. */
  readonly nullOrigin: boolean;
  /** Codes of the lint findings about the entry itself (credential-sensitive ones included whatever `credentials` is). */
  readonly problems: readonly RuleCode[];
}

/**
 * Facts about one origin entry, as plain data. Never throws: entries the linter refuses are `invalid`.
 *
 * @example
 * analyseOrigin('https://*.example.com:*')
 * // { kind: 'pattern', scheme: 'https', host: 'example.com', wildcardHost: true, anyPort: true, patternBase: 'example.com', secure: true, … }
 */
export function analyseOrigin(entry: string): OriginFacts {
  const { entry: analysed, findings } = analyseOriginEntry(entry);
  const problems = findings.map((f) => f.code);
  const none = { scheme: undefined, host: undefined, port: undefined, secure: false, loopback: false, ip: false, wildcardHost: false, anyPort: false, patternBase: undefined, publicSuffix: undefined, registrableDomain: undefined };
  if (analysed.kind === 'any' || analysed.kind === 'invalid') {
    return { entry, kind: analysed.kind, ...none, nullOrigin: entry === 'null', problems };
  }
  const scheme = analysed.kind === 'exact' ? analysed.scheme : analysed.pattern.scheme;
  const host = analysed.kind === 'exact' ? analysed.host : analysed.pattern.host;
  const port = analysed.kind === 'exact' ? analysed.port : analysed.pattern.port;
  const wildcardHost = analysed.kind === 'pattern' && analysed.pattern.wildcardHost;
  const loopback = isLoopbackHost(host);
  const named = !analysed.ip && !loopback;
  return {
    entry,
    kind: analysed.kind,
    scheme,
    host,
    port,
    secure: scheme === 'https' || loopback,
    loopback,
    ip: analysed.ip,
    wildcardHost,
    anyPort: port === '*',
    patternBase: wildcardHost ? host : undefined,
    publicSuffix: named ? (getPublicSuffix(host, { allowPrivateDomains: true }) ?? undefined) : undefined,
    registrableDomain: named ? (getDomain(host, { allowPrivateDomains: true }) ?? undefined) : undefined,
    nullOrigin: false,
    problems,
  };
}

/** One origin entry written in a policy, where it is written, and its facts. */
export interface PolicyOriginFacts {
  /** `top`: the top-level `origins`; `route`: a route rule's own `origins`; `environment`: an overlay's added `origins`. */
  readonly scope: 'top' | 'route' | 'environment';
  /** For `route`: the rule's index in `policy.routes`. */
  readonly routeIndex?: number;
  /** For `environment`: the overlay's name. */
  readonly environment?: string;
  /** Where the entry is written, as findings' paths are (`['environments', 'staging', 'origins', 0]`). */
  readonly path: IssuePath;
  readonly facts: OriginFacts;
}

/**
 * The facts of every origin entry the policy writes — top level, each route rule's own list, each
 * environment overlay's additions — in that order, whichever environment the policy was loaded for.
 * Source entries are not origins: they are in {@link sourceFactsOf}. Join them with `policy.findings` on `path`.
 */
export function originFactsOf(policy: CorsPolicy): PolicyOriginFacts[] {
  const source = policy.source;
  const out: PolicyOriginFacts[] = [];
  source.origins.forEach((entry, i) => { if (!isSourceEntry(entry)) out.push({ scope: 'top', path: ['origins', i], facts: analyseOrigin(entry) }); });
  (source.routes ?? []).forEach((route, routeIndex) => {
    (route.origins ?? []).forEach((entry, i) => { if (!isSourceEntry(entry)) out.push({ scope: 'route', routeIndex, path: ['routes', routeIndex, 'origins', i], facts: analyseOrigin(entry) }); });
  });
  for (const [environment, overlay] of Object.entries(source.environments ?? {})) {
    (overlay.origins ?? []).forEach((entry, i) => out.push({ scope: 'environment', environment, path: ['environments', environment, 'origins', i], facts: analyseOrigin(entry) }));
  }
  return out;
}

/**
 * One origin source a policy lists, as data for reports: which origins it stands for (say it with
 * `describeSource`: "origins from tenant-domains, looked up at run time, credentials (cookies) allowed,
 * methods GET, POST") and with which rules.
 */
export interface PolicySourceFacts {
  /** `top`: the top-level `origins`; `route`: a route rule's own `origins`. */
  readonly scope: 'top' | 'route';
  readonly routeIndex?: number;
  /** Where the entry is written (`['routes', 0, 'origins', 2]`). */
  readonly path: IssuePath;
  /** The source with its defaults applied, in the base policy. */
  readonly source: EffectiveOriginSource;
  /** Always true: a source's origins are not in the policy; a provider the application binds names them at run time. */
  readonly lookedUpAtRunTime: true;
  /** Whether the entry sets its own methods (otherwise it follows the rules it is listed in). */
  readonly ownMethods: boolean;
}

/** Every origin source the policy lists (top level, then each route rule's own list), in declaration order. */
export function sourceFactsOf(policy: CorsPolicy): PolicySourceFacts[] {
  const base = policyForEnvironment(policy, undefined);
  const out: PolicySourceFacts[] = [];
  const add = (entries: readonly OriginEntryInput[], scope: 'top' | 'route', at: IssuePath, effective: readonly EffectiveOriginSource[], routeIndex?: number): void => {
    entries.forEach((entry, i) => {
      if (!isSourceEntry(entry)) return;
      const source = effective.find((s) => s.name === entry.source);
      if (source === undefined) return;
      out.push({ scope, ...(routeIndex === undefined ? {} : { routeIndex }), path: [...at, i], source, lookedUpAtRunTime: true, ownMethods: entry.methods !== undefined });
    });
  };
  add(policy.source.origins, 'top', ['origins'], base.rules.sources);
  (policy.source.routes ?? []).forEach((route, index) => add(route.origins ?? [], 'route', ['routes', index, 'origins'], base.routes[index]?.sources ?? [], index));
  return out;
}

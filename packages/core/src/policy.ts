import type { PolicyIssue } from './policy-issue.js';
import type { PolicyInput } from './policy-schema.js';

/** The rules in force for a request, after defaults and the selected environment overlay. */
export interface EffectiveRules {
  /** Exact origins, patterns, or `['*']` (origin sources are in `sources`). */
  readonly origins: readonly string[];
  readonly credentials: boolean;
  /** Methods as compared (Fetch-normalised: `get` → `GET`, `patch` stays `patch`). */
  readonly methods: readonly string[];
  /** Allowed request header names, lower-cased; may contain `*`. */
  readonly allowHeaders: readonly string[];
  /** Exposed response header names as written; may contain `*`. */
  readonly exposeHeaders: readonly string[];
  /** Seconds, or `undefined` for no `Access-Control-Max-Age` header. */
  readonly maxAge: number | undefined;
  readonly privateNetwork: boolean;
  /**
   * Origin sources listed next to `origins`, in declaration order: their origins are looked up at run
   * time and get these rules, with `credentials` and `methods` replaced by the source's own.
   */
  readonly sources: readonly EffectiveOriginSource[];
}

/** An origin source as it applies: defaults filled in, methods normalised like `methods`. */
export interface EffectiveOriginSource {
  /** The name a provider is bound to (`tenant-domains`). */
  readonly name: string;
  /** Whether its origins may use credentials (default false). */
  readonly credentials: boolean;
  /** Methods its origins may use (default: the methods of the rules it is listed in). */
  readonly methods: readonly string[];
  /** Seconds a listed set or a cached answer stays in force (default 60). */
  readonly refreshSeconds: number;
  /** Longest wait on one provider call, in milliseconds (default 200). */
  readonly timeoutMs: number;
  readonly description: string | undefined;
}

/**
 * The rule fields a route rule sets itself, normalised as in {@link EffectiveRules}; a key is present
 * only when the rule writes it (absent keys are inherited). `origins` is the rule's own list of strings, without
 * origins an environment overlay adds; `sources` the sources it lists itself.
 */
export type RouteOwnRules = { readonly [K in keyof EffectiveRules]?: EffectiveRules[K] };

/** A route rule with every field resolved (inherited fields filled in from the top level). */
export interface EffectiveRoute extends EffectiveRules {
  readonly path: string;
  readonly description: string | undefined;
  /** True: CORS is off for these paths (preflights refused, no CORS headers). */
  readonly disabled: boolean;
  /** Exactly the rule fields this route sets itself (e.g. `'credentials' in route.own`: it overrides credentials). */
  readonly own: RouteOwnRules;
}

/** How preflights are answered, defaults applied. */
export interface PreflightSettings {
  readonly refusedStatus: number;
  readonly successStatus: number;
  readonly continueToApp: boolean;
  readonly vary: boolean;
}

/** One place the policy is enforced (from the policy's `deployments`). */
export interface Deployment {
  readonly service: string;
  /** The environment overlay the service loads; `undefined`: the base policy. */
  readonly environment: string | undefined;
  readonly url: string | undefined;
  readonly description: string | undefined;
}

/**
 * A validated, linted, compiled and frozen policy: what `definePolicy` returns and what
 * `resolveCors`, `explain` and every adapter take.
 */
export interface CorsPolicy {
  readonly name: string;
  readonly description: string | undefined;
  readonly owners: readonly string[];
  /** The environment overlay this policy was loaded with, or `undefined` for the base policy. */
  readonly environment: string | undefined;
  /** Names of every overlay the policy defines. */
  readonly environments: readonly string[];
  /** Top-level rules in force (after the overlay). */
  readonly rules: EffectiveRules;
  /** Route rules in declaration order, fields resolved. The first whose path matches applies. */
  readonly routes: readonly EffectiveRoute[];
  readonly preflight: PreflightSettings;
  /** Where the policy is enforced, as declared (empty when the policy does not say). */
  readonly deployments: readonly Deployment[];
  /** Warnings and notes (never errors: a policy with errors does not load), acknowledged ones marked. */
  readonly findings: readonly PolicyIssue[];
  /** A frozen copy of the validated input, for rendering and diffing. */
  readonly source: PolicyInput;
}

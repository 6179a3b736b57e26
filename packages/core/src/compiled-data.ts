/*
 * The compiled form of a policy: plain, JSON-serialisable data that the runtime enforces. Produced
 * by `compilePolicy` (authoring, where the policy was validated and linted) and read by
 * `loadCompiledPolicy` (runtime: no validator, no public-suffix list). Every value in it has already
 * passed the linter; the runtime only checks its shape.
 */

/** Names this shape. Bump it whenever the shape changes, so a runtime never misreads newer data. */
export const COMPILED_POLICY_FORMAT = 'cors-policy/compiled@2';

/** A wildcard origin pattern, already parsed (`https://*.example.com:*`). */
export interface CompiledOriginPattern {
  readonly scheme: string;
  /** The host after the wildcard (`example.com`), or the whole host when `wildcardHost` is false. */
  readonly host: string;
  /** `*.` stands for one or more labels before `host`. */
  readonly wildcardHost: boolean;
  /** `null`: no port; `'*'`: any port; else the one port allowed. */
  readonly port: number | '*' | null;
}

/** One set of rules in force (the top level or a route rule), every field resolved. */
export interface CompiledRulesData {
  /** CORS is off here: preflights refused, no CORS headers. A disabled rule lists no origins. */
  readonly disabled: boolean;
  /** `*` is listed (it is only ever compiled without credentials). */
  readonly anyOrigin: boolean;
  /** Exact origins, byte-identical to what browsers send. */
  readonly origins: readonly string[];
  readonly patterns: readonly CompiledOriginPattern[];
  readonly credentials: boolean;
  /** Fetch-normalised methods; may contain `*`. */
  readonly methods: readonly string[];
  /** Lower-case request header names; may contain `*`. */
  readonly allowHeaders: readonly string[];
  /** Response header names as written; may contain `*`. */
  readonly exposeHeaders: readonly string[];
  /** Seconds, or `null` for no `Access-Control-Max-Age`. */
  readonly maxAge: number | null;
  readonly privateNetwork: boolean;
  /** Origin sources, in declaration order: checked after the static origins. Empty when disabled. */
  readonly sources: readonly CompiledSourceData[];
}

/** An origin source: its origins get the enclosing rules with `credentials` and `methods` replaced. */
export interface CompiledSourceData {
  /** The name a provider is bound to (a slug). */
  readonly name: string;
  readonly credentials: boolean;
  /** Fetch-normalised methods; may contain `*`. */
  readonly methods: readonly string[];
  /** Seconds a listed set or a cached answer stays in force. */
  readonly refreshSeconds: number;
  /** Longest wait on one provider call, in milliseconds. */
  readonly timeoutMs: number;
}

export interface CompiledRouteData extends CompiledRulesData {
  /** The route pattern, e.g. `/public/**`. */
  readonly path: string;
}

export interface CompiledPreflightData {
  readonly refusedStatus: number;
  readonly successStatus: number;
  readonly continueToApp: boolean;
  /** Whether preflight answers carry `Vary` on the `Access-Control-Request-*` headers. */
  readonly vary: boolean;
}

/** The base policy, or the policy under one environment overlay. */
export interface CompiledVariantData {
  readonly rules: CompiledRulesData;
  readonly routes: readonly CompiledRouteData[];
  readonly preflight: CompiledPreflightData;
}

export interface CompiledEnvironmentData extends CompiledVariantData {
  /** The overlay is marked development-only (refused in production by `selectPolicyEnvironment`). */
  readonly developmentOnly: boolean;
}

/** A compiled policy: what `compilePolicy` returns and `loadCompiledPolicy` reads. */
export interface CompiledCorsPolicy {
  readonly format: typeof COMPILED_POLICY_FORMAT;
  readonly name: string;
  /** The environment loaded by default (`null`: the base policy). */
  readonly environment: string | null;
  readonly base: CompiledVariantData;
  /** Every overlay the policy defines, compiled: switching environment at run time is a lookup. */
  readonly environments: Readonly<Record<string, CompiledEnvironmentData>>;
}

/** Where a policy loaded by `definePolicy` keeps the compiled data of its variant (for `compilePolicy`). */
export const VARIANT_DATA: unique symbol = Symbol.for('@org/cors-core/variant-data@2');

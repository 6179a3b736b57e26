import type { CompiledRulesData } from './compiled-data.js';
import { asciiLower } from './http-tokens.js';
import { compileOriginMatcher, type OriginMatcher } from './origin-matcher.js';

/** Everything the resolver needs for one set of rules, built once at load from compiled data. */
export interface CompiledRules {
  readonly disabled: boolean;
  readonly anyOrigin: boolean;
  readonly origins: OriginMatcher;
  readonly credentials: boolean;
  readonly anyMethod: boolean;
  readonly methods: ReadonlySet<string>;
  readonly anyHeader: boolean;
  readonly headers: ReadonlySet<string>;
  /** The same names as a list, for the allocation-free check of `Access-Control-Request-Headers`. */
  readonly headerNames: readonly string[];
  /** `Access-Control-Allow-Headers` when it does not echo the request: the configured list, or `*`(+ Authorization). */
  readonly allowHeadersValue: string | undefined;
  readonly exposeHeadersValue: string | undefined;
  readonly maxAgeValue: string | undefined;
  readonly privateNetwork: boolean;
  /** Precomputed answer for `*` policies: the same headers for every request. */
  readonly anyOriginHeaders: ReadonlyArray<readonly [string, string]>;
  /** Vary tokens of non-preflight responses: `Origin` unless the answer is the same for every origin. */
  readonly actualVary: readonly string[];
}

/** Builds the resolver's lookup structures; header values are joined here, once. */
export function compileRules(data: CompiledRulesData): CompiledRules {
  const anyOrigin = data.anyOrigin && !data.credentials;
  const anyHeader = data.allowHeaders.includes('*');
  const named = unique(data.allowHeaders.filter((h) => h !== '*'));
  const allowsAuthorization = named.includes('authorization');
  const allowHeadersValue = anyHeader
    ? data.credentials ? undefined : allowsAuthorization ? '*, authorization' : '*'
    : named.length > 0 ? named.join(', ') : undefined;
  const exposeHeadersValue = data.exposeHeaders.length > 0 ? unique(data.exposeHeaders).join(', ') : undefined;
  const anyOriginHeaders: Array<readonly [string, string]> = [['Access-Control-Allow-Origin', '*']];
  if (exposeHeadersValue !== undefined) anyOriginHeaders.push(['Access-Control-Expose-Headers', exposeHeadersValue]);
  return {
    disabled: data.disabled,
    anyOrigin,
    // Indexed even for a disabled rule, which is refused before its origins are looked at: one
    // code path, and no value built only for a case that never reads it.
    origins: compileOriginMatcher(data.origins, data.patterns),
    credentials: data.credentials,
    anyMethod: data.methods.includes('*'),
    methods: new Set(data.methods),
    anyHeader,
    headers: new Set(named),
    headerNames: named,
    allowHeadersValue,
    exposeHeadersValue,
    maxAgeValue: data.maxAge === null ? undefined : String(data.maxAge),
    privateNetwork: data.privateNetwork,
    anyOriginHeaders,
    actualVary: data.disabled || anyOrigin ? [] : ['Origin'],
  };
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    // Header names are ASCII tokens (checked at load): the fold the resolver uses on requests.
    const k = asciiLower(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

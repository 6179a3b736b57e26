import type { CorsPolicy } from './policy.js';

/*
 * Every environment of a policy is compiled once, at load: the base policy and each overlay's share
 * one family, so switching environment is a lookup, never a re-validation.
 */

/** Where a policy keeps its family: a registered symbol, like `COMPILED`, so copies of core agree. */
export const FAMILY: unique symbol = Symbol.for('@org/cors-core/policy-family@1');

export interface PolicyFamily {
  readonly base: CorsPolicy;
  /** Null-prototype record: an environment named `constructor` finds nothing it does not own. */
  readonly byName: Readonly<Record<string, CorsPolicy>>;
}

export function familyOf(policy: CorsPolicy): PolicyFamily | undefined {
  return (policy as CorsPolicy & { readonly [FAMILY]?: PolicyFamily })[FAMILY];
}

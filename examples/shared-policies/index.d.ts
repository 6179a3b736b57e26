import type { CorsPolicy, PolicyInput } from '@org/cors-core';

/** The orders API policy as written in `cors.policy.json` (for adapters that take an input). */
export declare const ordersPolicyInput: PolicyInput;
/** The orders API policy, validated when this module loads. */
export declare const ordersPolicy: CorsPolicy;

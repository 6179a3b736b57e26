import { definePolicy } from '@org/cors-core';
import { apiPolicyInput } from '@org/cors-policies';

/**
 * The storefront policy, loaded once per server for `APP_ENV` (read at run time by `next start`,
 * so one build serves every environment). A bad policy or an unknown overlay throws here.
 */
export const apiPolicy = definePolicy(apiPolicyInput, { environment: process.env.APP_ENV || undefined });

import { selectPolicyEnvironment } from '@org/cors-core';
import { apiPolicyInput } from '@org/cors-policies';

/**
 * The storefront policy, loaded once per server for `APP_ENV` (read at run time by `next start`, so one
 * build serves every environment; unset or empty: the base policy). A bad policy or an unknown overlay
 * throws here. `next start` runs with NODE_ENV=production, so the developmentOnly `development` overlay
 * is refused unless the operator says explicitly that this production build runs locally.
 */
export const apiPolicy = selectPolicyEnvironment(apiPolicyInput, {
  variable: 'APP_ENV',
  env: process.env,
  allowDevelopmentOnlyInProduction: process.env.CORS_ALLOW_DEVELOPMENT_ONLY_IN_PRODUCTION === 'true',
});

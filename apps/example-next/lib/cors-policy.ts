import { selectPolicyEnvironment } from '@org/cors-core/runtime';
import { apiPolicy as compiledApiPolicy } from './cors.compiled';

/**
 * The storefront policy, loaded once per server for `APP_ENV` (read at run time by `next start`, so one
 * build serves every environment; unset or empty: the base policy). `cors.compiled.ts` is written by
 * `cors-policy compile` before `next build` (package.json), which validates the policy then, so the proxy
 * bundle carries compiled data and the runtime entry only: no zod, no public-suffix list. An unknown
 * overlay throws here. `next start` runs with NODE_ENV=production, so the developmentOnly `development`
 * overlay is refused unless the operator says explicitly that this production build runs locally.
 */
export const apiPolicy = selectPolicyEnvironment(compiledApiPolicy, {
  variable: 'APP_ENV',
  env: process.env,
  allowDevelopmentOnlyInProduction: process.env.CORS_ALLOW_DEVELOPMENT_ONLY_IN_PRODUCTION === 'true',
});

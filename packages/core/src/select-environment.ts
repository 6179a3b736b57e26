import type { CorsPolicy } from './policy.js';
import { formatIssuePath, type PolicyIssue } from './policy-issue.js';
import type { PolicyInput } from './policy-schema.js';
import { selectEnvironment, type SelectPolicyEnvironmentOptions } from './select-environment-runtime.js';
import { toPolicy } from './to-policy.js';

export type { PolicyLogger, SelectPolicyEnvironmentOptions } from './select-environment-runtime.js';

/**
 * Picks the policy's environment from an environment variable, the way a service does at boot:
 * unset or empty → the base policy; a name the policy does not define → a `CorsPolicyError` listing the
 * known ones; an overlay marked `developmentOnly` while `NODE_ENV` is `production` → refused unless
 * `allowDevelopmentOnlyInProduction`. Logs once per policy and logger: one line naming the policy, the
 * environment loaded (or the base policy) and the variable, then one line per unacknowledged warning.
 *
 * @example
 * const policy = selectPolicyEnvironment(apiPolicy, { env: process.env }); // reads APP_ENV
 * app.use(cors(policy));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/environments.md
 */
export function selectPolicyEnvironment(policyOrInput: CorsPolicy | PolicyInput, options: SelectPolicyEnvironmentOptions): CorsPolicy {
  // A CorsPolicy switches environment to CorsPolicies (its family), so the result is one too.
  return selectEnvironment(toPolicy(policyOrInput), options, (chosen) => warningLines(chosen as CorsPolicy)) as CorsPolicy;
}

/** Warnings that concern the loaded environment: every one except those written inside another overlay. */
function relevantWarnings(policy: CorsPolicy): PolicyIssue[] {
  return policy.findings.filter((f) => f.severity === 'warning' && f.acknowledged === undefined && !(f.path[0] === 'environments' && f.path[1] !== policy.environment));
}

function warningLines(policy: CorsPolicy): string[] {
  return relevantWarnings(policy).map((f) => `CORS policy "${policy.name}": warning ${formatIssuePath(f.path)} ${f.code}: ${f.message}`);
}

import type { PolicyIssue } from './policy-issue.js';
import type { PolicyInput } from './policy-schema.js';

/** Each deployment's `environment` must name an overlay the policy defines. */
export function lintDeployments(input: PolicyInput): PolicyIssue[] {
  const known = Object.keys(input.environments ?? {});
  const issues: PolicyIssue[] = [];
  (input.deployments ?? []).forEach((deployment, index) => {
    const { environment } = deployment;
    if (environment === undefined || Object.prototype.hasOwnProperty.call(input.environments ?? {}, environment)) return;
    issues.push({
      code: 'deployments/unknown-environment',
      severity: 'error',
      path: ['deployments', index, 'environment'],
      message: `The deployment ${JSON.stringify(deployment.service)} loads the environment ${JSON.stringify(environment)}, which the policy does not define.`,
      hint: known.length === 0 ? 'Omit `environment` (the service loads the base policy), or define the overlay under `environments`.' : `Use one of: ${known.join(', ')}; or omit it for the base policy.`,
    });
  });
  return issues;
}

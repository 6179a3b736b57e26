import { explain, type Explanation } from './explain.js';
import type { CorsPolicy } from './policy.js';
import type { PolicyIssue } from './policy-issue.js';
import type { ExpectationInput } from './policy-schema.js';

/** One expectation checked against the resolver. */
export interface ExpectationResult {
  readonly index: number;
  readonly expectation: ExpectationInput;
  readonly explanation: Explanation;
  readonly pass: boolean;
}

/**
 * Checks a policy's `expectations` against the real resolver, each under its own environment.
 * `forEnvironment` loads the policy for an environment (the caller supplies it to avoid a load cycle).
 */
export function runExpectations(policy: CorsPolicy, forEnvironment: (environment: string | undefined) => CorsPolicy): ExpectationResult[] {
  return (policy.source.expectations ?? []).map((expectation, index) => {
    const target = expectation.environment === policy.environment ? policy : forEnvironment(expectation.environment);
    const explanation = explain(target, expectation.request);
    return { index, expectation, explanation, pass: explanation.allowed === expectation.allowed };
  });
}

/** A failed expectation as a policy issue, with the actual decision beside the intended one. */
export function expectationIssue(result: ExpectationResult): PolicyIssue {
  const { expectation, explanation } = result;
  const r = expectation.request;
  const env = expectation.environment === undefined ? '' : ` (environment ${expectation.environment})`;
  return {
    code: 'expectations/failed',
    severity: 'error',
    path: ['expectations', result.index],
    message: `Expected ${r.method ?? 'GET'} ${r.path ?? '/'} from ${r.origin}${r.credentials ? ' with credentials' : ''}${env} to be ${expectation.allowed ? 'allowed' : 'refused'}, but it is ${explanation.allowed ? 'allowed' : 'refused'}: ${explanation.summary}`,
    hint: expectation.allowed ? 'Allow it in the policy, or correct the expectation if the intent changed.' : 'Tighten the policy, or correct the expectation if the intent changed.',
  };
}

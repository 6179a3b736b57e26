import type { RuleCode, Severity } from './rules.js';

/** Where in the policy input a finding points: keys and array indexes, e.g. `['origins', 2]`. */
export type IssuePath = ReadonlyArray<string | number>;

/** One finding of the validator or linter. */
export interface PolicyIssue {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly path: IssuePath;
  /** What is wrong, naming the offending value. */
  readonly message: string;
  /** What to write instead. */
  readonly hint: string;
  /**
   * The one offending value the finding concerns, when there is one: the origin entry, method, header
   * name, environment name… as written. An acknowledgement's `value` matches it.
   */
  readonly value?: string;
  /** Set when the policy acknowledges this warning: the written justification. */
  readonly acknowledged?: string;
}

/** Renders a path as `origins[2]` / `routes[0].methods[1]`; the empty path is `(policy)`. */
export function formatIssuePath(path: IssuePath): string {
  if (path.length === 0) return '(policy)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** One issue as a line of text: `error origins[0] origins/null: … Fix: …`. */
export function formatIssue(issue: PolicyIssue): string {
  const ack = issue.acknowledged === undefined ? '' : ` (acknowledged: ${issue.acknowledged})`;
  return `${issue.severity.padEnd(7)} ${formatIssuePath(issue.path)}  ${issue.code}\n        ${issue.message}\n        Fix: ${issue.hint}${ack}`;
}

/** Every issue, errors first, as a readable report. */
export function formatIssues(issues: readonly PolicyIssue[]): string {
  return sortIssues(issues).map(formatIssue).join('\n');
}

const severityRank: Record<PolicyIssue['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; stable within a severity. */
export function sortIssues(issues: readonly PolicyIssue[]): PolicyIssue[] {
  return [...issues].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

/**
 * Marks every `CorsPolicyError`, whichever copy of core made it. A registered symbol, because one
 * process can hold several copies (the ESM and CJS builds, each entry's own bundle): the Node entry
 * validates raw input with the CJS authoring build, and callers check with the class they imported.
 */
const POLICY_ERROR: unique symbol = Symbol.for('@org/cors-core/policy-error@1');

/** Thrown by `definePolicy` when a policy has at least one error. Carries every issue found. */
export class CorsPolicyError extends Error {
  /** `instanceof CorsPolicyError` holds for an error from any copy of core (ESM, CJS, bundled). */
  static override [Symbol.hasInstance](value: unknown): value is CorsPolicyError {
    if (this !== CorsPolicyError) return Function.prototype[Symbol.hasInstance].call(this, value); // a subclass: its own prototype chain
    return typeof value === 'object' && value !== null && (value as { [POLICY_ERROR]?: unknown })[POLICY_ERROR] === true;
  }

  override readonly name = 'CorsPolicyError';
  /** Every finding, errors and warnings alike, in policy order. */
  readonly issues: readonly PolicyIssue[];
  /** The refused policy's `name`, when it had a string one (for loaders that label what failed). */
  readonly policyName: string | undefined;

  constructor(policyName: string | undefined, issues: readonly PolicyIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error').length;
    const label = policyName === undefined ? 'CORS policy' : `CORS policy "${policyName}"`;
    super(`${label} is invalid (${errors} error${errors === 1 ? '' : 's'}):\n${formatIssues(issues)}`);
    this.issues = issues;
    this.policyName = policyName;
    Object.defineProperty(this, POLICY_ERROR, { value: true });
  }
}

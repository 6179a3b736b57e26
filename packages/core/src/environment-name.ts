import type { PolicyIssue } from './policy-issue.js';
/*
 * Environment names reach logs, terminals, HTML reports and file paths: only slugs are accepted.
 */

/** `^[a-z][a-z0-9-]{0,62}$`: a lower-case letter, then up to 62 letters, digits or dashes. */
export const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,62}$/;

export function isEnvironmentName(name: string): boolean {
  return ENVIRONMENT_NAME.test(name);
}

/** A name for messages: slugs as they are, anything else JSON-quoted (no raw newlines or escapes). */
export function shownEnvironment(name: string): string {
  return isEnvironmentName(name) ? name : JSON.stringify(name);
}

/** A slug close to a refused name, for the fix hint. */
export function suggestEnvironmentName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 63);
  return slug === '' ? 'development' : slug;
}


/** The `environments/unknown` error for a requested name, listing the names the policy defines. */
export function unknownEnvironmentIssue(requested: string, known: readonly string[], requestedBy = 'was requested'): PolicyIssue {
  return {
    code: 'environments/unknown',
    severity: 'error',
    path: ['environments'],
    message: `The environment ${JSON.stringify(requested)} ${requestedBy} but the policy does not define it.`,
    hint: known.length === 0 ? 'Define it under `environments`, or load the base policy.' : `Use one of: ${known.map(shownEnvironment).join(', ')}; or load the base policy.`,
    value: requested,
  };
}

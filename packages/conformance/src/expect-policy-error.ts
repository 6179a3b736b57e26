import { CorsPolicyError } from '@org/cors-core';
import { expect } from 'vitest';

/**
 * Calls `load` (anything that compiles a policy: an adapter factory, a module declaration) and
 * expects it to throw a `CorsPolicyError` carrying at least the issue `codes`, whose message names
 * every issue it carries. Returns the error for further checks. For "fails at boot" tests.
 *
 * @example expectPolicyError(() => cors(bad), ['origins/wildcard-with-credentials']);
 */
export function expectPolicyError(load: () => unknown, codes: readonly string[] = []): CorsPolicyError {
  let error: unknown;
  try {
    load();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(CorsPolicyError);
  const policyError = error as CorsPolicyError;
  const found = policyError.issues.map((issue) => issue.code);
  expect(found).toEqual(expect.arrayContaining([...codes]));
  for (const code of found) expect(policyError.message).toContain(code);
  return policyError;
}

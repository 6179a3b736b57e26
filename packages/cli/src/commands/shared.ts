import { formatIssues } from '@org/cors-core';
import type { CorsPolicy } from '@org/cors-core';
import type { FoundPolicy } from '@org/cors-loader';
import { UsageError } from '../cli-io.js';
import type { LoadedPolicyFile } from '@org/cors-loader';

/** A policy the command needs could not be loaded: its issues are printed, exit code 1. */
export class InvalidPolicyError extends Error {
  override readonly name = 'InvalidPolicyError';
}

/** The label of a found policy in reports: `apiPolicy (api)`. */
export function policyLabel(found: FoundPolicy): string {
  const name = found.ok ? found.policy.name : found.name;
  // A refused definePolicy() nobody exported, or a default export (a JSON file): the policy name says enough.
  if ((found.exportName === '(module)' || found.exportName === 'default') && name !== undefined) return name;
  return name === undefined || name === found.exportName ? found.exportName : `${found.exportName} (${name})`;
}

/** The policies to work on: all of them, or the one named by `--policy` (export name or policy name). */
export function selectPolicies(file: LoadedPolicyFile, wanted: string | undefined): FoundPolicy[] {
  if (wanted === undefined) return [...file.policies];
  const matches = file.policies.filter((p) => p.exportName === wanted || (p.ok ? p.policy.name : p.name) === wanted);
  if (matches.length === 0) {
    throw new UsageError(`${file.file} has no policy named "${wanted}" (found: ${file.policies.map(policyLabel).join(', ')})`);
  }
  return matches;
}

/** Exactly one policy, or a usage error asking for `--policy`. */
export function selectOne(file: LoadedPolicyFile, wanted: string | undefined): FoundPolicy {
  const found = selectPolicies(file, wanted);
  if (found.length > 1) {
    throw new UsageError(`${file.file} exports ${found.length} policies (${found.map(policyLabel).join(', ')}): choose one with --policy NAME`);
  }
  return found[0] as FoundPolicy;
}

/** The loaded policy, or an {@link InvalidPolicyError} carrying its formatted issues. */
export function requireLoaded(found: FoundPolicy, file: string): CorsPolicy {
  if (found.ok) return found.policy;
  throw new InvalidPolicyError(`${file} › ${policyLabel(found)} is invalid:\n${formatIssues(found.issues)}`);
}

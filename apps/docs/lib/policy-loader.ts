import { collectPolicies } from '@org/cors-loader';
import { formatIssues, isCorsPolicy, parsePolicy, policyForEnvironment } from '@org/cors-core';
import type { CorsPolicy, PolicyIssue } from '@org/cors-core';

/** A module the site reads policies from: its configured specifier and a thunk that imports it. */
export interface PolicyModuleRef {
  /** As configured: a package name (`@org/cors-policies`) or a path relative to apps/docs. */
  readonly specifier: string;
  readonly load: () => Promise<unknown>;
}

/** One policy the site renders. */
export interface LoadedPolicy {
  /** The policy's `name`: the page slug. */
  readonly name: string;
  /** Where it came from, for the copy-paste snippets: `import { <exportName> } from '<module>'`. */
  readonly module: string;
  readonly exportName: string;
  /** The base policy (no environment overlay applied). */
  readonly policy: CorsPolicy;
}

/** One reason the site cannot be built. */
export interface PolicyProblem {
  readonly module: string;
  /** The export at fault, or `(module)` when importing the module itself failed. */
  readonly exportName: string;
  readonly name: string | undefined;
  /** Lint output, when the problem is an invalid policy. */
  readonly issues: readonly PolicyIssue[];
  /** A plain message, when it is not (import failure, duplicate name, no policy exported). */
  readonly message: string | undefined;
}

/**
 * Thrown when any configured policy is invalid or cannot be read. Its message is the full lint
 * report (`formatIssues`) of every bad policy, so a failed `next build` shows auditors and authors
 * exactly what to fix.
 */
export class PolicyLoadFailure extends Error {
  override readonly name = 'PolicyLoadFailure';
  readonly problems: readonly PolicyProblem[];

  constructor(problems: readonly PolicyProblem[]) {
    super(`The docs site cannot be built: ${problems.length} policy problem${problems.length === 1 ? '' : 's'}.\n\n${problems.map(formatProblem).join('\n\n')}`);
    this.problems = problems;
  }
}

/** A problem as text: a heading naming the policy and where it lives, then the lint report. */
export function formatProblem(problem: PolicyProblem): string {
  const label = problem.name === undefined ? '' : `Policy "${problem.name}" `;
  const where = problem.exportName === '(module)' ? problem.module : `${problem.module} (export ${problem.exportName})`;
  const body = problem.issues.length > 0 ? formatIssues(problem.issues) : (problem.message ?? '');
  return `${label}${label === '' ? '' : 'in '}${where}:\n${body}`;
}

/**
 * Imports every configured module and returns the policies they export, sorted by name. Finding
 * them is @org/cors-loader's `collectPolicies` (the loader the CLI uses too: every `CorsPolicy`, and every
 * policy input validated with core's `parsePolicy`; an input exported beside its `CorsPolicy` counts
 * once). On top of it: the same policy exported for several environments is shown once, from its
 * base; and a plain object with a `name` but no `origins` is validated too, so a typo such as
 * `origin:` fails the build instead of hiding the policy.
 *
 * Throws {@link PolicyLoadFailure} listing every problem at once if any policy is invalid, a module
 * fails to import (a `definePolicy` that throws at import time included), a module exports no
 * policy, or two policies share a name.
 */
export async function loadPolicies(modules: readonly PolicyModuleRef[]): Promise<LoadedPolicy[]> {
  const loaded: LoadedPolicy[] = [];
  const problems: PolicyProblem[] = [];
  for (const ref of modules) {
    let exports: unknown;
    try {
      exports = await ref.load();
    } catch (error) {
      problems.push(importProblem(ref.specifier, error));
      continue;
    }
    const found = policiesOf(ref.specifier, exports);
    if (found.loaded.length === 0 && found.problems.length === 0) {
      problems.push({ module: ref.specifier, exportName: '(module)', name: undefined, issues: [], message: 'The module exports no policy (neither a definePolicy() result nor a policy input).' });
    }
    loaded.push(...found.loaded);
    problems.push(...found.problems);
  }
  const byName = new Map<string, LoadedPolicy>();
  for (const entry of loaded) {
    const first = byName.get(entry.name);
    if (first === undefined) byName.set(entry.name, entry);
    else problems.push({ module: entry.module, exportName: entry.exportName, name: entry.name, issues: [], message: `Another policy is already named "${entry.name}" (${first.module}, export ${first.exportName}); names must be unique.` });
  }
  if (problems.length > 0) throw new PolicyLoadFailure(problems);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function policiesOf(module: string, exports: unknown): { loaded: LoadedPolicy[]; problems: PolicyProblem[] } {
  const loaded: LoadedPolicy[] = [];
  const problems: PolicyProblem[] = [];
  const shown = new Set<string>();
  for (const found of collectPolicies(exports)) {
    if (!found.ok) {
      problems.push({ module, exportName: found.exportName, name: found.name, issues: found.issues, message: undefined });
      continue;
    }
    // Validated sources are zod copies with keys in schema order, so equal policies serialise equally.
    const key = JSON.stringify(found.policy.source);
    if (shown.has(key)) continue;
    shown.add(key);
    loaded.push({ name: found.policy.name, module, exportName: found.exportName, policy: baseOf(found.policy) });
  }
  for (const [exportName, value] of namedObjectsWithoutOrigins(exports)) {
    const result = parsePolicy(value);
    if (!result.ok) problems.push({ module, exportName, name: String(value['name']), issues: result.issues, message: undefined });
  }
  return { loaded, problems };
}

/** A policy loaded with an environment overlay is shown from its base, overlays side by side. */
function baseOf(policy: CorsPolicy): CorsPolicy {
  return policy.environment === undefined ? policy : policyForEnvironment(policy, undefined);
}

function importProblem(module: string, error: unknown): PolicyProblem {
  // A policy module whose own `definePolicy` throws: report its lint output, not a stack trace.
  // Checked structurally, in case the module bundled another copy of core.
  const { name, issues, policyName } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; issues?: unknown; policyName?: unknown };
  if (name === 'CorsPolicyError' && Array.isArray(issues)) {
    return { module, exportName: '(module)', name: typeof policyName === 'string' ? policyName : undefined, issues: issues as PolicyIssue[], message: undefined };
  }
  return { module, exportName: '(module)', name: undefined, issues: [], message: `Importing the module failed: ${error instanceof Error ? error.message : String(error)}` };
}

/** Plain objects with a `name` that `collectPolicies` does not treat as inputs (no `origins`). */
function namedObjectsWithoutOrigins(exports: unknown): Array<[string, Record<string, unknown>]> {
  if (typeof exports !== 'object' || exports === null) return [];
  const out: Array<[string, Record<string, unknown>]> = [];
  for (const [key, value] of Object.entries(exports)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || isCorsPolicy(value)) continue;
    const proto = Object.getPrototypeOf(value) as unknown;
    const plain = proto === Object.prototype || proto === null;
    if (plain && Object.hasOwn(value, 'name') && !Object.hasOwn(value, 'origins')) out.push([key, value as Record<string, unknown>]);
  }
  return out;
}

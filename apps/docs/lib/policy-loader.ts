import { formatIssues, isCorsPolicy, parsePolicy } from '@org/cors-core';
import type { CorsPolicy, PolicyInput, PolicyIssue } from '@org/cors-core';

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
 * Imports every configured module and returns the policies they export, sorted by name: each
 * `CorsPolicy` (from `definePolicy`) and each policy input (a plain object with a `name`), validated
 * with core's `parsePolicy`. An input that is only the source of an exported `CorsPolicy`, or the
 * same policy loaded for several environments, is shown once. Throws {@link PolicyLoadFailure} listing every problem at once if any policy is invalid, a
 * module fails to import (a `definePolicy` that throws at import time included), a module exports
 * no policy, or two policies share a name.
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
      problems.push({ module: ref.specifier, exportName: '(module)', name: undefined, issues: [], message: 'The module exports no policy (neither a definePolicy() result nor a policy input with a name).' });
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
  const entries = exportEntries(exports);
  const loaded: LoadedPolicy[] = [];
  const problems: PolicyProblem[] = [];
  const sourcesOfPolicies = new Set(entries.filter(([, v]) => isCorsPolicy(v)).map(([, v]) => canonicalJson((v as CorsPolicy).source)));
  const seen = new Set<unknown>();
  const shown = new Set<string>();
  for (const [exportName, value] of entries) {
    if (seen.has(value)) continue;
    if (isCorsPolicy(value)) {
      seen.add(value);
      // The same policy loaded for several environments is one policy: shown once, overlays side by side.
      const key = canonicalJson(value.source);
      if (shown.has(key)) continue;
      shown.add(key);
      loaded.push({ name: value.name, module, exportName, policy: baseOf(value) });
    } else if (isNamedPlainObject(value) && !sourcesOfPolicies.has(canonicalJson(value))) {
      seen.add(value);
      const result = parsePolicy(value);
      const name = typeof value['name'] === 'string' ? value['name'] : undefined;
      if (result.ok) loaded.push({ name: result.policy.name, module, exportName, policy: result.policy });
      else problems.push({ module, exportName, name, issues: result.issues, message: undefined });
    }
  }
  return { loaded, problems };
}

/** A policy loaded with an environment overlay is shown from its base, overlays side by side. */
function baseOf(policy: CorsPolicy): CorsPolicy {
  if (policy.environment === undefined) return policy;
  const result = parsePolicy(policy.source);
  if (!result.ok) throw new PolicyLoadFailure([{ module: '(policy)', exportName: policy.name, name: policy.name, issues: result.issues, message: undefined }]);
  return result.policy;
}

function importProblem(module: string, error: unknown): PolicyProblem {
  // A policy module whose own `definePolicy` throws: report its lint output, not a stack trace.
  // Checked structurally, in case the module bundled another copy of core.
  const { name, issues } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; issues?: unknown };
  if (name === 'CorsPolicyError' && Array.isArray(issues)) {
    return { module, exportName: '(module)', name: undefined, issues: issues as PolicyIssue[], message: undefined };
  }
  return { module, exportName: '(module)', name: undefined, issues: [], message: `Importing the module failed: ${error instanceof Error ? error.message : String(error)}` };
}

/** Named exports first (meaningful names for snippets), then `default`, so a repeated default is skipped. */
function exportEntries(exports: unknown): Array<[string, unknown]> {
  if (typeof exports !== 'object' || exports === null) return [];
  const named: Array<[string, unknown]> = [];
  const fallback: Array<[string, unknown]> = [];
  for (const key of Object.keys(exports)) {
    const value = (exports as Record<string, unknown>)[key];
    if (key === 'default') fallback.push([key, value]);
    else if (key !== '__esModule') named.push([key, value]);
  }
  return [...named, ...fallback];
}

/** A policy input candidate: a plain object with a `name` (validation decides whether it is a good one). */
function isNamedPlainObject(value: unknown): value is Record<string, unknown> & Pick<PolicyInput, 'name'> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.prototype.hasOwnProperty.call(value, 'name');
}

/** JSON with sorted keys: an input and the validated copy of it compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

import { isCorsPolicy, parsePolicy, policyForEnvironment } from '@org/cors-core';
import type { CorsPolicy, PolicyIssue } from '@org/cors-core';

/** One policy found in a module: loaded, or refused with every issue. */
export type FoundPolicy =
  | {
      /** The export it came from (`default`, `apiPolicy`, or `(module)` when evaluating the file threw). */
      readonly exportName: string;
      readonly ok: true;
      readonly policy: CorsPolicy;
      /** Warnings and notes (the policy loaded). */
      readonly issues: readonly PolicyIssue[];
    }
  | {
      readonly exportName: string;
      readonly ok: false;
      /** The policy's `name` when it could be read, for reports. */
      readonly name: string | undefined;
      /** Every problem (errors and warnings), in policy order: sort with `sortIssues` for display. */
      readonly issues: readonly PolicyIssue[];
    };

/** Options for {@link collectPolicies} and `loadPolicyFile`. */
export interface CollectOptions {
  /** Load every policy with this environment overlay (e.g. `development`). */
  readonly environment?: string | undefined;
}

/**
 * Finds every policy a module exports: `CorsPolicy` values (from `definePolicy`) and policy inputs
 * (plain objects with `origins`), default or named. Inputs are validated with `parsePolicy`, so a bad
 * policy comes back with its full issue list instead of a throw. An input that is merely the source of
 * an exported `CorsPolicy`, and a default export that repeats a named one, are reported once.
 *
 * Pure (no I/O): the docs app can call it on a module it imported itself.
 *
 * @example collectPolicies(await import('./cors.policy.ts'), { environment: 'development' })
 */
export function collectPolicies(moduleExports: unknown, options: CollectOptions = {}): FoundPolicy[] {
  const entries = exportEntries(moduleExports);
  const policies = entries.filter(([, value]) => isCorsPolicy(value)) as Array<[string, CorsPolicy]>;
  const sources = new Set(policies.map(([, policy]) => canonicalJson(policy.source)));
  const found: FoundPolicy[] = [];
  const seen = new Set<unknown>();

  for (const [exportName, value] of entries) {
    if (seen.has(value)) continue;
    if (isCorsPolicy(value)) {
      seen.add(value);
      found.push(selectEnvironment(exportName, value, options.environment));
    } else if (isPolicyInput(value) && !sources.has(canonicalJson(value))) {
      seen.add(value);
      found.push(fromInput(exportName, value, options.environment));
    }
  }
  return found;
}

/** Named exports first (they carry meaningful names), then `default`, so a repeated default is skipped. */
function exportEntries(moduleExports: unknown): Array<[string, unknown]> {
  if (isCorsPolicy(moduleExports) || isPolicyInput(moduleExports)) return [['default', moduleExports]];
  if (typeof moduleExports !== 'object' || moduleExports === null) return [];
  const named: Array<[string, unknown]> = [];
  let fallback: Array<[string, unknown]> = [];
  for (const key of Object.keys(moduleExports)) {
    const value = (moduleExports as Record<string, unknown>)[key];
    if (key === 'default') fallback = [[key, value]];
    else if (key !== '__esModule') named.push([key, value]);
  }
  return [...named, ...fallback];
}

function selectEnvironment(exportName: string, policy: CorsPolicy, environment: string | undefined): FoundPolicy {
  if (environment === undefined || policy.environment === environment) {
    return { exportName, ok: true, policy, issues: policy.findings };
  }
  try {
    const selected = policyForEnvironment(policy, environment);
    return { exportName, ok: true, policy: selected, issues: selected.findings };
  } catch (error) {
    const issues = issuesOf(error);
    if (issues === undefined) throw error;
    return { exportName, ok: false, name: policy.name, issues };
  }
}

function fromInput(exportName: string, input: Record<string, unknown>, environment: string | undefined): FoundPolicy {
  const result = parsePolicy(input, environment === undefined ? {} : { environment });
  if (result.ok) return { exportName, ok: true, policy: result.policy, issues: result.issues };
  const name = typeof input['name'] === 'string' ? input['name'] : undefined;
  return { exportName, ok: false, name, issues: result.issues };
}

/** A policy input is a plain object that declares `origins` (the one required rule field). */
function isPolicyInput(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.prototype.hasOwnProperty.call(value, 'origins');
}

/**
 * The issues a `CorsPolicyError` carries, or `undefined` for any other error. Checked structurally:
 * a policy file may have loaded another copy of core, whose error class is a different object.
 */
export function issuesOf(error: unknown): readonly PolicyIssue[] | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, issues } = error as { name?: unknown; issues?: unknown };
  return name === 'CorsPolicyError' && Array.isArray(issues) ? (issues as PolicyIssue[]) : undefined;
}

/** JSON with sorted keys, so that two structurally equal inputs compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

import { isCorsPolicy, parsePolicy } from '@org/cors-core';
import type { CorsPolicy, IssuePath, PolicyIssue } from '@org/cors-core';
import { describeExports, TooDeepError, type PlainExport } from './describe-exports.js';
import { valueTooDeep } from './nesting-depth.js';

/** A finding, with where its offending value is written in the file when that is known. */
export interface LocatedIssue extends PolicyIssue {
  /** 1-based line of the offending value (exact for JSON files, best effort for modules). */
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** One policy found in a module: loaded, or refused with every issue. */
export type FoundPolicy =
  | {
      /** The export it came from (`default`, `apiPolicy`, or `(module)` for a refused `definePolicy` that was not exported). */
      readonly exportName: string;
      readonly ok: true;
      readonly policy: CorsPolicy;
      /** Warnings and notes (the policy loaded). */
      readonly issues: readonly LocatedIssue[];
    }
  | {
      readonly exportName: string;
      readonly ok: false;
      /** The policy's `name` when it could be read, for reports. */
      readonly name: string | undefined;
      /** Every problem (errors and warnings), in policy order: sort with `sortIssues` for display. */
      readonly issues: readonly LocatedIssue[];
    };

/** Options for {@link collectPolicies} and `loadPolicyFile`. */
export interface CollectOptions {
  /** Load every policy with this environment overlay (e.g. `development`). */
  readonly environment?: string | undefined;
}

/** Finds where the value at `path` of `input` is written, for {@link LocatedIssue}. */
export type LocateIssue = (input: unknown, path: IssuePath) => { line: number; column: number } | undefined;

/**
 * Finds every policy a module exports: `CorsPolicy` values (from `definePolicy`) and policy inputs
 * (plain objects with `origins`), default or named. Each is copied out as plain data and validated
 * with `parsePolicy`, so a bad policy comes back with its full issue list instead of a throw. An input
 * that is merely the source of an exported `CorsPolicy`, and a default export that repeats a named
 * one, are reported once.
 *
 * Pure (no I/O): the docs app can call it on a module it imported itself.
 *
 * @throws TooDeepError for a value nested deeper than 64 levels
 * @example collectPolicies(await import('./cors.policy.ts'), { environment: 'development' })
 */
export function collectPolicies(moduleExports: unknown, options: CollectOptions = {}): FoundPolicy[] {
  const found = policiesFromPlain(describeExports(moduleExports), options);
  // The caller imported this module itself (trusted): hand back its own CorsPolicy objects where they apply as is.
  return found.map((entry) => {
    const original = exportValue(moduleExports, entry.exportName);
    if (!entry.ok || !isCorsPolicy(original)) return entry;
    if (options.environment !== undefined && original.environment !== options.environment) return entry;
    return { exportName: entry.exportName, ok: true, policy: original, issues: original.findings };
  });
}

function exportValue(moduleExports: unknown, exportName: string): unknown {
  if (exportName === 'default' && isCorsPolicy(moduleExports)) return moduleExports;
  if (typeof moduleExports !== 'object' || moduleExports === null || exportName === '(module)') return undefined;
  return (moduleExports as Record<string, unknown>)[exportName];
}

/**
 * Validates plain exports (from {@link describeExports}, possibly computed in a worker) with core's
 * `parsePolicy`: the one place a policy becomes a `CorsPolicy`.
 */
export function policiesFromPlain(exports: readonly PlainExport[], options: CollectOptions = {}, locate?: LocateIssue): FoundPolicy[] {
  return exports.map((entry): FoundPolicy => {
    if ('unsupported' in entry) {
      const issue: PolicyIssue = {
        code: 'policy/invalid-shape',
        severity: 'error',
        path: entry.unsupported.path,
        message: `${entry.unsupported.what} is not policy data: a policy holds only strings, numbers, booleans, arrays and plain objects.`,
        hint: 'Write the value out literally (origins as strings, not RegExps or functions).',
      };
      return { exportName: entry.exportName, ok: false, name: entry.name, issues: [issue] };
    }
    // Checked again here: the data may come from a worker, and parsePolicy recurses.
    if (valueTooDeep(entry.input)) throw new TooDeepError('nested deeper than 64 levels');
    const environment = options.environment ?? entry.environment;
    const result = parsePolicy(entry.input, environment === undefined ? {} : { environment });
    const issues = locate === undefined ? result.issues : result.issues.map((issue) => ({ ...issue, ...locate(entry.input, issue.path) }));
    if (result.ok) return { exportName: entry.exportName, ok: true, policy: result.policy, issues };
    const name = (entry.input as { name?: unknown } | null)?.name;
    return { exportName: entry.exportName, ok: false, name: typeof name === 'string' ? name : undefined, issues };
  });
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

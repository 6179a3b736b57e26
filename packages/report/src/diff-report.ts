import type { CorsPolicy, PolicyIssue } from '@org/cors-core';
import { buildAuditModel } from './audit-model.js';
import { diffPolicies, type PolicyDiff } from './policy-diff.js';
import type { Text } from './text.js';

/** A policy present only in head: everything it allows is new. */
export interface AddedPolicy {
  readonly name: string;
  /** The audit model's summary sentences. */
  readonly summary: readonly Text[];
  /** Its open findings. */
  readonly findings: readonly PolicyIssue[];
}

/** The semantic diff of two revisions of a policy file (one or more policies). */
export interface PolicyDiffReport {
  /** What the file is called in headings, e.g. its path. */
  readonly label: string | undefined;
  /** Policies present in both revisions, paired by name (or the only policy on each side, even renamed). */
  readonly diffs: ReadonlyArray<{ readonly policy: string; readonly diff: PolicyDiff }>;
  readonly added: readonly AddedPolicy[];
  readonly removed: readonly string[];
  /** Any loosening in any diff, or any new policy. */
  readonly loosening: boolean;
}

/**
 * Pairs the policies of two revisions of a file and diffs each pair. With one policy on each side
 * they are compared even if renamed; otherwise they are paired by name.
 *
 * @example
 * const report = diffPolicySets([base], [head], { label: 'cors.policy.ts' });
 * renderDiffReportMarkdown(report);
 */
export function diffPolicySets(
  base: readonly CorsPolicy[],
  head: readonly CorsPolicy[],
  options: { readonly label?: string | undefined } = {},
): PolicyDiffReport {
  const pairs: Array<[string, CorsPolicy, CorsPolicy]> = [];
  const [onlyBase] = base;
  const [onlyHead] = head;
  if (base.length === 1 && head.length === 1 && onlyBase !== undefined && onlyHead !== undefined) {
    pairs.push([onlyHead.name, onlyBase, onlyHead]);
  } else {
    for (const h of head) {
      const b = base.find((p) => p.name === h.name);
      if (b !== undefined) pairs.push([h.name, b, h]);
    }
  }
  const paired = new Set(pairs.flatMap(([, b, h]) => [b, h]));
  const diffs = pairs.map(([policy, b, h]) => ({ policy, diff: diffPolicies(b, h) }));
  const added = head.filter((p) => !paired.has(p)).map((p): AddedPolicy => {
    const model = buildAuditModel(p);
    return { name: p.name, summary: model.summary, findings: model.findings };
  });
  return {
    label: options.label,
    diffs,
    added,
    removed: base.filter((p) => !paired.has(p)).map((p) => p.name),
    loosening: added.length > 0 || diffs.some((d) => d.diff.counts.loosening > 0),
  };
}

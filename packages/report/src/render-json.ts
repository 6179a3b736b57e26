import type { AuditModel } from './audit-model.js';
import type { PolicyDiffReport } from './diff-report.js';
import type { PolicyChange } from './policy-diff.js';
import { textToPlain, type Text } from './text.js';

/*
 * JSON for bots. The shape is versioned: a field is never renamed or removed without raising
 * `schemaVersion`; new fields may appear. Sentences are given both as `Text` (prose and `{ code }`
 * parts, to render safely) and, where a bot wants one string, as plain text (never Markdown).
 */

/** Raised on any incompatible change to the JSON shapes below. */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * `cors-policy render --format json`: `{ schemaVersion: 1, kind: 'cors-policy-audit', policies }`,
 * one `AuditModel` per policy (see its fields), with every `Text` kept as parts.
 */
export interface AuditJson {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly kind: 'cors-policy-audit';
  readonly policies: readonly AuditModel[];
}

/** One change for bots: `message` is plain text; `text` the same sentence as parts. */
export interface ChangeJson extends Omit<PolicyChange, 'details'> {
  readonly details?: readonly ChangeJson[];
}

/**
 * `cors-policy diff --format json`: every paired policy's changes (loosenings first), the policies
 * added (with their summary as plain sentences) and removed, and `loosening`: whether a review is needed.
 */
export interface DiffJson {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly kind: 'cors-policy-diff';
  readonly base: string | undefined;
  readonly head: string | undefined;
  readonly loosening: boolean;
  readonly diffs: ReadonlyArray<{
    readonly policy: string;
    readonly diff: {
      readonly base: { readonly name: string };
      readonly head: { readonly name: string };
      readonly counts: PolicyDiffReport['diffs'][number]['diff']['counts'];
      readonly changes: readonly ChangeJson[];
    };
  }>;
  readonly added: ReadonlyArray<{ readonly name: string; readonly summary: readonly string[]; readonly summaryText: readonly Text[]; readonly findings: PolicyDiffReport['added'][number]['findings'] }>;
  readonly removed: readonly string[];
}

/** The audit models as the versioned JSON document (serialise with `JSON.stringify`). */
export function auditJson(models: readonly AuditModel[]): AuditJson {
  return { schemaVersion: REPORT_SCHEMA_VERSION, kind: 'cors-policy-audit', policies: models };
}

/** A diff report as the versioned JSON document; `base` and `head` name the revisions compared. */
export function diffJson(report: PolicyDiffReport, revisions: { readonly base?: string; readonly head?: string } = {}): DiffJson {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: 'cors-policy-diff',
    base: revisions.base,
    head: revisions.head,
    loosening: report.loosening,
    diffs: report.diffs.map(({ policy, diff }) => ({ policy, diff: { base: diff.base, head: diff.head, counts: diff.counts, changes: diff.changes } })),
    added: report.added.map((p) => ({ name: p.name, summary: p.summary.map(textToPlain), summaryText: p.summary, findings: p.findings })),
    removed: report.removed,
  };
}

import { escapeMarkdownText, markdownCode } from './escape.js';
import type { ChangeKind, PolicyChange, PolicyDiff } from './policy-diff.js';
import type { PolicyDiffReport } from './diff-report.js';
import { textToMarkdown } from './text.js';

/** The hidden marker a PR bot looks for to update its comment instead of posting a new one. */
export const DIFF_COMMENT_MARKER = '<!-- cors-policy-diff -->';

const sections: ReadonlyArray<{ kind: ChangeKind; title: string; intro: string }> = [
  {
    kind: 'loosening',
    title: '⚠️ Loosening — needs a security review',
    intro: 'These changes let more pages read responses, with more methods or headers, with cookies, or for longer.',
  },
  { kind: 'tightening', title: 'Tightening', intro: 'These changes restrict access: check that no legitimate caller breaks.' },
  { kind: 'neutral', title: 'Neutral', intro: 'No change to who may read what.' },
];

/**
 * A policy diff as Markdown for a pull-request comment: a one-line verdict, then loosenings first
 * under their own heading, then tightenings and neutral changes. Every value from the policies is
 * escaped (see `escapeMarkdownText`, `markdownCode`), so no name or origin can hide another change.
 *
 * @param label what the policy is called in the heading, e.g. the file path
 */
export function renderDiffMarkdown(diff: PolicyDiff, label?: string): string {
  const name = diff.base.name === diff.head.name ? markdownCode(diff.head.name) : `${markdownCode(diff.base.name)} → ${markdownCode(diff.head.name)}`;
  const out = [`### CORS policy ${name}${label === undefined ? '' : ` (${escapeMarkdownText(label)})`}`, ''];
  if (diff.changes.length === 0) {
    out.push('No semantic change: the policy allows exactly what it allowed before.', '');
    return out.join('\n');
  }
  const { loosening, tightening, neutral } = diff.counts;
  out.push(
    loosening > 0
      ? `**${loosening} loosening${loosening === 1 ? '' : 's'}**, ${tightening} tightening${tightening === 1 ? '' : 's'}, ${neutral} neutral.`
      : `No loosening: ${tightening} tightening${tightening === 1 ? '' : 's'}, ${neutral} neutral.`,
    '',
  );
  for (const section of sections) {
    const changes = diff.changes.filter((c) => c.kind === section.kind);
    if (changes.length === 0) continue;
    out.push(`#### ${section.title}`, '', section.intro, '');
    for (const change of changes) out.push(...changeLines(change, '', true));
    out.push('');
  }
  return out.join('\n');
}

function changeLines(change: PolicyChange, indent: string, withScope: boolean): string[] {
  const prefix = indent === '' ? '' : `_${change.kind}:_ `;
  const lines = [`${indent}- ${prefix}${textToMarkdown(change.text)}${withScope ? scopeSuffix(change) : ''}`];
  for (const detail of change.details ?? []) lines.push(...changeLines(detail, `${indent}  `, false));
  return lines;
}

function scopeSuffix(change: PolicyChange): string {
  const where = [
    change.scope.route === undefined || change.field === 'routes' ? '' : `route ${markdownCode(change.scope.route)}`,
    change.scope.environment === undefined || change.field === 'environments' ? '' : `environment ${markdownCode(change.scope.environment)}`,
  ].filter(Boolean);
  return where.length === 0 ? '' : ` — ${where.join(', ')}`;
}

/**
 * The diff of a whole policy file (several policies) as one pull-request comment: each paired
 * policy's diff, then every new policy (all of it is a loosening), then removed ones.
 */
export function renderDiffReportMarkdown(report: PolicyDiffReport): string {
  const out: string[] = [];
  for (const { diff } of report.diffs) out.push(renderDiffMarkdown(diff, report.label));
  for (const policy of report.added) {
    out.push(
      `### New CORS policy ${markdownCode(policy.name)}`,
      '',
      '#### ⚠️ Loosening — needs a security review',
      '',
      'Everything this policy allows is new:',
      '',
      ...policy.summary.map((s) => `- ${textToMarkdown(s)}`),
      ...policy.findings.map((f) => `- ${escapeMarkdownText(f.severity)} ${markdownCode(f.code)}: ${escapeMarkdownText(f.message)}`),
      '',
    );
  }
  for (const name of report.removed) out.push(`### CORS policy ${markdownCode(name)} removed`, '', 'Services that loaded it must load another policy or drop CORS.', '');
  return out.join('\n');
}

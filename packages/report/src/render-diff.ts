import type { ChangeKind, PolicyChange, PolicyDiff } from './policy-diff.js';

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
 * under their own heading, then tightenings and neutral changes.
 *
 * @param label what the policy is called in the heading, e.g. the file path
 */
export function renderDiffMarkdown(diff: PolicyDiff, label?: string): string {
  const name = diff.base.name === diff.head.name ? `\`${diff.head.name}\`` : `\`${diff.base.name}\` → \`${diff.head.name}\``;
  const out = [`### CORS policy ${name}${label === undefined ? '' : ` (${label})`}`, ''];
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
    for (const change of changes) out.push(...changeLines(change, ''));
    out.push('');
  }
  return out.join('\n');
}

function changeLines(change: PolicyChange, indent: string): string[] {
  const lines = [`${indent}- ${change.message}${scopeSuffix(change)}`];
  for (const detail of change.details ?? []) {
    lines.push(...changeLines({ ...detail, scope: { ...detail.scope, route: undefined, environment: undefined } }, `${indent}  `).map((l, i) => (i === 0 ? l.replace('- ', `- _${detail.kind}:_ `) : l)));
  }
  return lines;
}

function scopeSuffix(change: PolicyChange): string {
  const where = [
    change.scope.route === undefined || change.field === 'routes' ? '' : `route \`${change.scope.route}\``,
    change.scope.environment === undefined || change.field === 'environments' ? '' : `environment \`${change.scope.environment}\``,
  ].filter(Boolean);
  return where.length === 0 ? '' : ` — ${where.join(', ')}`;
}

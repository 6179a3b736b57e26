// The Markdown report: the PR comment and the job summary show the same text.
import { MARKER } from './github.mjs';

/** GitHub refuses comments over 65,536 characters. */
export const COMMENT_LIMIT = 60_000;

/** Builds the report from the recorded step results and the gate's verdict. */
export function renderReport({ check, diff, site, verdict, artifactUrl }) {
  const out = [MARKER, '## CORS policy review', ''];
  out.push(verdict.pass ? '**Gate: ✅ passes.**' : '**Gate: ❌ fails.**', '');
  for (const failure of verdict.failures) out.push(`- ❌ ${failure}`);
  for (const note of verdict.notes) out.push(`- ℹ️ ${note}`);
  if (verdict.failures.length + verdict.notes.length > 0) out.push('');

  if (check && !check.failure && check.summary) {
    const s = check.summary;
    out.push(`\`cors-policy check\`: ${s.errors === 0 ? '✅' : '❌'} ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'} in ${s.policies} polic${s.policies === 1 ? 'y' : 'ies'} (details in the annotations).`, '');
  }
  for (const file of diff?.files ?? []) out.push(file.markdown.trimEnd(), '');
  if (site?.status === 'built') out.push(artifactUrl ? `Auditor site: [download the artifact](${artifactUrl}).` : 'Auditor site: uploaded as a workflow artifact.', '');
  return out.join('\n');
}

/** The report cut to what a comment can hold. */
export function fitComment(body) {
  return body.length <= COMMENT_LIMIT ? body : `${body.slice(0, COMMENT_LIMIT)}\n\n… (cut: the full report is in the job summary)\n`;
}

/** One line for the comment or summary when the report could not be posted as a comment. */
export function notPostedNote(reason) {
  return `> **Note:** ${reason}\n`;
}

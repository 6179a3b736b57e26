// Reading `check --format json` and turning its findings into annotations.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { locate } from './locate.mjs';
import { annotate } from './workflow.mjs';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' };

/** Parses the report and checks it is one: an exit code alone never proves "no errors". */
export function readCheckReport(result, files) {
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    return { failure: `exited with code ${result.code} without a JSON report (did a policy never settle?).` };
  }
  if (!Array.isArray(report?.files) || typeof report?.summary?.errors !== 'number') {
    return { failure: `exited with code ${result.code} with output that is not a check report.` };
  }
  const missing = files.filter((f) => !report.files.some((r) => r.file === f.arg));
  if (missing.length > 0) return { report, failure: `did not report on ${missing.map((f) => f.arg).join(', ')}.` };
  if (result.code === 0 && report.summary.errors > 0) return { report, failure: 'exited with code 0 but reported errors.' };
  // The action passes no --max-warnings, so exit code 1 must come with errors.
  if (result.code === 1 && report.summary.errors === 0) return { report, failure: 'exited with code 1 but reported no errors.' };
  return { report };
}

function sourceOf(cwd, arg) {
  try {
    return readFileSync(resolve(cwd, arg), 'utf8');
  } catch {
    return '';
  }
}

/** Emits the annotations for one file of the report; returns "could not load" messages. */
export function annotateFile(entry, file, cwd, write) {
  if (entry.error) {
    annotate('error', { file: file.annotationPath, line: entry.error.line ?? 1, col: entry.error.column ?? undefined, title: `cors-policy: could not load (${entry.error.code})` }, entry.error.message, write);
    return [`could not load ${file.annotationPath}: ${entry.error.message}`];
  }
  const source = sourceOf(cwd, file.arg);
  for (const policy of entry.policies ?? []) {
    for (const finding of policy.findings ?? []) {
      const level = finding.acknowledged ? 'notice' : (LEVEL[finding.severity] ?? 'error');
      const at = Number.isInteger(finding.line) ? { line: finding.line, col: finding.column } : locate(source, Array.isArray(finding.path) ? finding.path : []);
      const name = policy.name ?? policy.export;
      const lines = [`${finding.message}`, `Fix: ${finding.hint}`];
      if (finding.acknowledged) lines.push(`Acknowledged: ${finding.justification}`);
      lines.push(`Policy ${name}, at ${finding.location || '(top level)'}.`);
      annotate(level, { file: file.annotationPath, line: at.line, col: at.col, title: `cors-policy ${finding.severity}: ${finding.code}` }, lines.join('\n'), write);
    }
  }
  return [];
}

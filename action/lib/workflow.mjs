// GitHub workflow commands, outputs and the job summary — with every untrusted string escaped.
// Rules: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/** Escapes a command's message: `%`, CR and LF, so it stays one line and cannot start a command. */
export function escapeData(value) {
  return String(value).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a command property value: as {@link escapeData}, plus `:` and `,`, which end a property. */
export function escapeProperty(value) {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** Formats `::name key=value,…::message`; properties whose value is undefined are left out. */
export function formatCommand(name, properties, message) {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** Prints an annotation: `level` is error, warning or notice; `where` has file, line, col, title. */
export function annotate(level, where, message, write = console.log) {
  write(formatCommand(level, { file: where.file, line: where.line, col: where.col, title: where.title }, message));
}

/** A log line for the runner: one line, and text that cannot be read as a command. */
export function info(message, write = console.log) {
  // Lines starting with `::` are commands; everything else is plain text. Escaping keeps one line.
  const text = escapeData(message);
  write(text.startsWith('::') ? ` ${text}` : text);
}

/**
 * Echoes text the action does not control (CLI output: it comes from the PR's policy code) between
 * `::stop-commands::` and a random resume token, so the runner executes none of it.
 */
export function echoUntrusted(title, text, write = console.log) {
  if (!text) return;
  const token = randomUUID();
  write(`::group::${escapeData(title)}`);
  write(`::stop-commands::${token}`);
  write(text.endsWith('\n') ? text.slice(0, -1) : text);
  write(`::${token}::`);
  write('::endgroup::');
}

/** Writes a step output through `$GITHUB_OUTPUT`, with a random heredoc delimiter. */
export function setOutput(name, value, env = process.env) {
  const file = env.GITHUB_OUTPUT;
  if (!file) throw new Error('GITHUB_OUTPUT is not set: run this script as a step of the action.');
  const text = String(value);
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (text.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${text}\n${delimiter}\n`);
}

/** Appends Markdown to the job summary, when the runner provides one. Returns whether it did. */
export function appendSummary(markdown, env = process.env) {
  if (!env.GITHUB_STEP_SUMMARY) return false;
  appendFileSync(env.GITHUB_STEP_SUMMARY, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return true;
}

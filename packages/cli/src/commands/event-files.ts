import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_EVENT_LINE_LENGTH, ReportOnlyAccumulator, parseEventLine, type EventLine, type ReportOnlySummary } from '@org/cors-report';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { escapeLine } from '../terminal-text.js';

/** Invalid lines listed on stderr, at most. */
const LISTED_PROBLEMS = 10;

/**
 * Reads files of decision events (JSON lines, as `onDecision` or `decisionLogger` + pino write them)
 * into a report-only summary: shared by `report-only` and `site --report-only`, so both read and refuse
 * the same way. Files are read as streams, never more than {@link MAX_EVENT_LINE_LENGTH} characters of
 * one line held. Invalid lines are listed on stderr; without `skipInvalid` the result is
 * `ExitCode.BadInput` (5) and no summary.
 */
export async function readEventFiles(
  files: readonly string[],
  options: { readonly command: string; readonly skipInvalid: boolean },
  io: CliIo,
): Promise<{ readonly summary: ReportOnlySummary } | { readonly exitCode: number }> {
  const summary = new ReportOnlyAccumulator();
  const problems: string[] = [];
  let invalid = 0;
  for (const file of files) {
    const path = resolve(io.cwd, file);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) throw new UsageError(`${escapeLine(file)} is not a readable file`);
    await eachLine(path, (line, number) => {
      summary.add(line);
      if (line.type !== 'invalid') return;
      invalid++;
      if (problems.length < LISTED_PROBLEMS) problems.push(`${escapeLine(file)}:${number}: ${line.problem}`);
    });
  }
  if (invalid > 0) {
    const more = invalid > problems.length ? `\n  … and ${invalid - problems.length} more` : '';
    io.stderr(`cors-policy ${options.command}: ${invalid === 1 ? '1 line is not a decision event' : `${invalid} lines are not decision events`}:\n  ${problems.join('\n  ')}${more}\n`);
    if (!options.skipInvalid) {
      io.stderr(`No ${options.command === 'site' ? 'site written' : 'summary'}: fix or remove those lines, or pass --skip-invalid to summarise the valid ones.\n`);
      return { exitCode: ExitCode.BadInput };
    }
  }
  return { summary: summary.summary() };
}

/**
 * Calls `onLine` with each line read and its number. A line longer than the cap is reported as
 * invalid once and the rest of it skipped without being kept; bytes that are not UTF-8 become U+FFFD.
 */
async function eachLine(path: string, onLine: (line: EventLine, number: number) => void): Promise<void> {
  let partial = '';
  let tooLong = false;
  let number = 0;
  const finish = () => {
    number++;
    onLine(tooLong ? { type: 'invalid', problem: `line is longer than ${MAX_EVENT_LINE_LENGTH} characters` } : parseEventLine(partial.replace(/\r$/, '')), number);
    partial = '';
    tooLong = false;
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 })) {
    let start = 0;
    const text = chunk as string;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (!tooLong) partial += text.slice(start, end);
      if (partial.length > MAX_EVENT_LINE_LENGTH) tooLong = true;
      finish();
      start = end + 1;
    }
    if (!tooLong) partial += text.slice(start);
    if (partial.length > MAX_EVENT_LINE_LENGTH) {
      tooLong = true;
      partial = '';
    }
  }
  if (partial !== '' || tooLong) finish();
}

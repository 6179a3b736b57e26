import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  MAX_EVENT_LINE_LENGTH, ReportOnlyAccumulator, parseEventLine, renderReportOnlyMarkdown, reportOnlyJson, type EventLine,
} from '@org/cors-report';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { escapeLine } from '../terminal-text.js';

export interface ReportOnlyOptions {
  readonly files: readonly string[];
  readonly format: 'md' | 'json';
  /** Summarise anyway when lines are invalid (they are counted and the first ones listed). */
  readonly skipInvalid: boolean;
  /** Exit 1 when the candidate would break at least one caller. */
  readonly failOnBreak: boolean;
}

/** Invalid lines listed on stderr, at most. */
const LISTED_PROBLEMS = 10;

/**
 * `report-only`: which callers a candidate policy would break or newly allow, from files of decision
 * events (JSON lines, as `onDecision` or `decisionLogger` + pino write them). Files are read as
 * streams, a line at a time, never more than {@link MAX_EVENT_LINE_LENGTH} characters of one line held.
 */
export async function reportOnlyCommand(options: ReportOnlyOptions, io: CliIo): Promise<number> {
  if (options.files.length === 0) throw new UsageError('report-only needs at least one events file (JSON lines)');
  const summary = new ReportOnlyAccumulator();
  const problems: string[] = [];
  let invalid = 0;
  for (const file of options.files) {
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
    io.stderr(`cors-policy report-only: ${invalid === 1 ? '1 line is not a decision event' : `${invalid} lines are not decision events`}:\n  ${problems.join('\n  ')}${more}\n`);
    if (!options.skipInvalid) {
      io.stderr('No summary: fix or remove those lines, or pass --skip-invalid to summarise the valid ones.\n');
      return ExitCode.BadInput;
    }
  }
  const result = summary.summary();
  io.stdout(options.format === 'json' ? `${JSON.stringify(reportOnlyJson(result), null, 2)}\n` : renderReportOnlyMarkdown(result));
  return options.failOnBreak && result.totals['would-refuse'] > 0 ? ExitCode.Failure : ExitCode.Ok;
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

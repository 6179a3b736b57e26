import { renderReportOnlyMarkdown, reportOnlyJson } from '@org/cors-report';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { readEventFiles } from './event-files.js';

export interface ReportOnlyOptions {
  readonly files: readonly string[];
  readonly format: 'md' | 'json';
  /** Summarise anyway when lines are invalid (they are counted and the first ones listed). */
  readonly skipInvalid: boolean;
  /** Exit 1 when the candidate would break at least one caller. */
  readonly failOnBreak: boolean;
}

/**
 * `report-only`: which callers a candidate policy would break or newly allow, from files of decision
 * events (JSON lines, as `onDecision` or `decisionLogger` + pino write them).
 */
export async function reportOnlyCommand(options: ReportOnlyOptions, io: CliIo): Promise<number> {
  if (options.files.length === 0) throw new UsageError('report-only needs at least one events file (JSON lines)');
  const read = await readEventFiles(options.files, { command: 'report-only', skipInvalid: options.skipInvalid }, io);
  if ('exitCode' in read) return read.exitCode;
  const result = read.summary;
  io.stdout(options.format === 'json' ? `${JSON.stringify(reportOnlyJson(result), null, 2)}\n` : renderReportOnlyMarkdown(result));
  return options.failOnBreak && result.totals['would-refuse'] > 0 ? ExitCode.Failure : ExitCode.Ok;
}

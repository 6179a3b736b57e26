import type { PolicyLoadErrorCode } from '@org/cors-loader';

/** Where a command writes, so tests and the bin share one implementation. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

/** Exit codes shared by every command (documented in `--help` and https://github.com/org/cors-policy-as-code/blob/main/docs/cli.md#exit-codes). */
export const ExitCode = {
  /** Clean: no errors (and no more warnings than allowed), the request is allowed, the file was written. */
  Ok: 0,
  /** The policy has errors, the request is refused, a diff loosens with `--fail-on-loosening`, report-only finds a break with `--fail-on-break`… */
  Failure: 1,
  /** Bad arguments, a missing file, an unknown command or option, an invalid git ref or path. */
  Usage: 2,
  /** A policy file could not be loaded: syntax error, threw, exported no policy, nested too deep. */
  LoadFailure: 3,
  /** A policy file did not finish loading: the time limit passed, or it ended the process itself. */
  DidNotFinish: 4,
  /** An input data file is not what the command reads: `report-only`'s events file has invalid lines (malformed JSON, too long, wrong types). */
  BadInput: 5,
  /** A bug in cors-policy: one line on stderr, no stack. */
  Internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Every loader failure has an exit code: a new loader code fails typecheck until it is mapped here. */
export const LOAD_ERROR_EXIT_CODE: Readonly<Record<PolicyLoadErrorCode, ExitCode>> = {
  'file-not-found': ExitCode.Usage,
  'unsupported-file': ExitCode.Usage,
  'git-error': ExitCode.Usage,
  'syntax-error': ExitCode.LoadFailure,
  'evaluation-error': ExitCode.LoadFailure,
  'no-policy': ExitCode.LoadFailure,
  'too-deep': ExitCode.LoadFailure,
  'timed-out': ExitCode.DidNotFinish,
  exited: ExitCode.DidNotFinish,
};

/** A mistake in how the command was called: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

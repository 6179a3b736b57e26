/** Where a command writes, so tests and the bin share one implementation. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

/** Exit codes shared by every command. */
export const ExitCode = {
  /** Clean: no errors (and no more warnings than allowed), the request is allowed, the file was written. */
  Ok: 0,
  /** The policy has errors, the request is refused, a diff loosens with `--fail-on-loosening`… */
  Failure: 1,
  /** Bad arguments, a missing file, an unknown command or option. */
  Usage: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the command was called: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

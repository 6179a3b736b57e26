/**
 * Why a file could not be loaded (as opposed to a policy with issues, which loads). Callers map codes to
 * outcomes with an exhaustive `Record`, so a new code fails their typecheck until handled.
 */
export type PolicyLoadErrorCode =
  /** The file (or package specifier) does not exist. */
  | 'file-not-found'
  /** Not a policy file type, or a directory. */
  | 'unsupported-file'
  /** `git:<ref>:<path>` is malformed, names an unsafe or unknown ref, or git failed. */
  | 'git-error'
  | 'syntax-error'
  /** The module threw (any value, `null` included) while it ran. */
  | 'evaluation-error'
  | 'no-policy'
  /** Nested deeper than {@link MAX_NESTING_DEPTH} levels. */
  | 'too-deep'
  /** Did not finish within the time limit (a promise that never settles, an endless loop). */
  | 'timed-out'
  /** The file ended its own process (`process.exit`) or thread before it finished loading. */
  | 'exited';

/**
 * A policy (or options) file that could not be loaded at all: missing, not parseable, throwing while
 * it runs, exporting nothing that looks like a policy, or never finishing. The message is meant for
 * people: one or two lines, naming the file and (for syntax errors) the line and column — never a stack.
 */
export class PolicyLoadError extends Error {
  override readonly name = 'PolicyLoadError';
  readonly code: PolicyLoadErrorCode;
  /** The file, as the user named it. */
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: PolicyLoadErrorCode, file: string, message: string, location?: { line: number; column: number }) {
    super(message);
    this.code = code;
    this.file = file;
    this.line = location?.line;
    this.column = location?.column;
  }
}

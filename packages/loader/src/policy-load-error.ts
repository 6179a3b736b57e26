/** Why a file could not be read as a module (as opposed to a policy with issues, which loads). */
export type PolicyLoadErrorCode =
  | 'file-not-found'
  | 'unsupported-file'
  | 'syntax-error'
  | 'evaluation-error'
  | 'no-policy'
  | 'git-error';

/**
 * A policy (or options) file that could not be loaded at all: missing, not parseable, throwing while
 * it runs, or exporting nothing that looks like a policy. The message is meant for people: one or two
 * lines, naming the file and (for syntax errors) the line and column — never a stack dump.
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

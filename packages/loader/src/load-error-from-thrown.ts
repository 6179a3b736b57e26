import { describeThrown } from './describe-thrown.js';
import { PolicyLoadError } from './policy-load-error.js';

/**
 * Turns anything evaluating a policy module threw — a jiti syntax error, a missing import, an Error,
 * `null` — into a {@link PolicyLoadError} with a short message (never a stack).
 */
export function loadErrorFromThrown(error: unknown, displayPath: string): PolicyLoadError {
  if (error instanceof PolicyLoadError) return error;
  if (!(error instanceof Error)) return new PolicyLoadError('evaluation-error', displayPath, describeThrown(error, displayPath));
  const parse = /^(?:ParseError|SyntaxError): (.*?)\s*\n\s*(.+):(\d+):(\d+)\s*$/s.exec(error.message);
  if (parse !== null) {
    const [, what, file, line, column] = parse as unknown as [string, string, string, string, string];
    const where = sameFile(file, displayPath) ? displayPath : `${file} (imported by ${displayPath})`;
    return new PolicyLoadError(
      'syntax-error',
      displayPath,
      `Syntax error in ${where} at line ${line}, column ${Number(column) + 1}: ${what.trim() || 'unexpected token'}`,
      { line: Number(line), column: Number(column) + 1 },
    );
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
    const firstLine = error.message.split('\n', 1)[0] ?? error.message;
    return new PolicyLoadError('evaluation-error', displayPath, `${displayPath} could not be loaded: ${firstLine}`);
  }
  const frame = userFrame(error.stack);
  return new PolicyLoadError('evaluation-error', displayPath, `${describeThrown(error, displayPath)}${frame === undefined ? '' : ` (at ${frame})`}`);
}

function sameFile(reported: string, displayPath: string): boolean {
  return reported === displayPath || reported.endsWith(`/${displayPath.replace(/^\.\//, '')}`);
}

/** The first stack frame in the user's code (not jiti, not node internals), as `file:line:column`. */
function userFrame(stack: unknown): string | undefined {
  for (const line of (typeof stack === 'string' ? stack : '').split('\n').slice(1)) {
    const match = /\(?((?:\/|[A-Za-z]:\\|file:)[^()\s]+:\d+:\d+)\)?\s*$/.exec(line.trim());
    if (match?.[1] !== undefined && !/[\\/]node_modules[\\/]|^node:|[\\/]cors-loader[\\/]|[\\/]loader[\\/](?:dist|src)[\\/]/.test(match[1])) return match[1];
  }
  return undefined;
}

/**
 * The load-error message for anything a policy file threw: an Error (`x.ts threw while loading:
 * TypeError: boom`) or any other value (`x.ts threw null while loading`). Never throws itself, even
 * for values with hostile getters or `toString`s.
 */
export function describeThrown(value: unknown, file: string): string {
  try {
    if (isErrorLike(value)) return `${file} threw while loading: ${oneLine(String(value.name))}: ${oneLine(String(value.message))}`;
    return `${file} threw ${thrownValue(value)} while loading (throw an Error to explain why)`;
  } catch {
    return `${file} threw a value that cannot be described while loading`;
  }
}

function isErrorLike(value: unknown): value is { name: unknown; message: unknown } {
  if (value instanceof Error) return true;
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string' && typeof (value as { name?: unknown }).name === 'string';
}

function thrownValue(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(oneLine(value))}`;
  return `a ${typeof value === 'object' ? 'non-Error object' : typeof value}`;
}

function oneLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

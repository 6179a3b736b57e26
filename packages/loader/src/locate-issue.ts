import type { IssuePath } from '@org/cors-core';

/** A 1-based position in a file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Where the value at `path` is written in JSON `text`: the value itself, or the nearest enclosing
 * value when the path names a missing key. `text` must already have passed the nesting-depth guard.
 */
export function locateJsonPath(text: string, path: IssuePath): Position | undefined {
  try {
    let offset = skipSpace(text, 0);
    for (const segment of path) {
      const child = childOffset(text, offset, segment);
      if (child === undefined) break;
      offset = child;
    }
    return positionAt(text, offset);
  } catch {
    return undefined;
  }
}

/**
 * Best effort for modules: the first line where the offending value's literal text appears (a string
 * in any quotes, a number, a boolean), else where the last key of its path is written.
 */
export function locateModulePath(text: string, input: unknown, path: IssuePath): Position | undefined {
  let value: unknown = input;
  for (const segment of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[segment] : undefined;
  const key = [...path].reverse().find((s): s is string => typeof s === 'string');
  const needles: string[] = [];
  if (typeof value === 'string') needles.push(`'${value}'`, `"${value}"`, `\`${value}\``);
  else if ((typeof value === 'number' || typeof value === 'boolean') && key !== undefined) needles.push(`${key}: ${String(value)}`);
  if (key !== undefined) needles.push(`${key}:`, `'${key}':`, `"${key}":`);
  for (const needle of needles) {
    const at = text.indexOf(needle);
    if (at >= 0) return positionAt(text, at);
  }
  return undefined;
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/** The offset of `segment` inside the object/array starting at `start`, or `undefined`. */
function childOffset(text: string, start: number, segment: string | number): number | undefined {
  const open = text[start];
  if (open !== '{' && open !== '[') return undefined;
  let i = skipSpace(text, start + 1);
  let index = 0;
  while (i < text.length && text[i] !== '}' && text[i] !== ']') {
    if (open === '{') {
      const keyEnd = skipString(text, i);
      const key = JSON.parse(text.slice(i, keyEnd)) as string;
      i = skipSpace(text, skipSpace(text, keyEnd) + 1); // past ':'
      if (key === segment) return i;
    } else if (index === segment) return i;
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
    index++;
  }
  return undefined;
}

function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/** The offset just past the value starting at `i` (iterative over nesting). */
function skipValue(text: string, i: number): number {
  if (text[i] === '"') return skipString(text, i);
  if (text[i] !== '{' && text[i] !== '[') {
    while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
    return i;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"') j = skipString(text, j) - 1;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return j + 1;
    }
  }
  return text.length;
}

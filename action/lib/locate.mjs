// Finds the line and column of a finding's path (["routes", 0, "origins", 1]) in a policy's source.
// `check --format json` reports paths into the policy input, not positions, so the action scans the
// object literal (TypeScript, JavaScript or JSON) for the keys and array elements on that path.

/** Tokens with position and bracket depth; comments, whitespace and string contents skipped. */
export function tokenize(source) {
  const tokens = [];
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  const push = (type, value, start) => tokens.push({ type, value, line, col: start - lineStart + 1, depth });
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '\n') {
      line++;
      lineStart = ++i;
    } else if (/\s/.test(char)) i++;
    else if (char === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      for (; i < stop; i++) if (source[i] === '\n') (line++, (lineStart = i + 1));
    } else if (char === '"' || char === "'" || char === '`') {
      const start = i;
      const startLine = line;
      const startCol = start - lineStart + 1;
      let value = '';
      i++;
      while (i < source.length && source[i] !== char) {
        if (source[i] === '\\') {
          value += source[i + 1] ?? '';
          i += 2;
          continue;
        }
        if (source[i] === '\n') (line++, (lineStart = i + 1));
        value += source[i++];
      }
      i++;
      tokens.push({ type: 'string', value, line: startLine, col: startCol, depth });
    } else if ('{[('.includes(char)) {
      push('open', char, i++);
      depth++;
    } else if ('}])'.includes(char)) {
      depth = Math.max(0, depth - 1);
      push('close', char, i++);
    } else if (/[A-Za-z_$0-9]/.test(char)) {
      const start = i;
      while (i < source.length && /[A-Za-z_$0-9]/.test(source[i])) i++;
      push('word', source.slice(start, i), start);
    } else push('punct', char, i++);
  }
  return tokens;
}

/** Index just past the value that starts at `from` (ends at `,` or a closing bracket at its depth). */
function valueEnd(tokens, from) {
  const depth = tokens[from]?.depth;
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.depth < depth) break;
    if (t.depth === depth && t.type === 'punct' && (t.value === ',' || t.value === ';')) break;
    i++;
  }
  return i;
}

/**
 * Finds `key:` in tokens[from, to) at `depth`; without a depth, the shallowest one (the policy's own
 * key, not a route's). Returns the key's index, or -1.
 */
function findKey(tokens, key, from, to, depth) {
  let found = -1;
  for (let i = from; i < to - 1; i++) {
    const t = tokens[i];
    if ((t.type === 'word' || t.type === 'string') && t.value === key && (depth === undefined || t.depth === depth)) {
      const next = tokens[i + 1];
      if (next.type !== 'punct' || next.value !== ':') continue;
      if (depth !== undefined) return i;
      if (found === -1 || t.depth < tokens[found].depth) found = i;
    }
  }
  return found;
}

/**
 * The 1-based `{ line, col }` of the deepest part of `path` found in `source`; line 1 when not
 * even the first key is found (the annotation then still names the file).
 */
export function locate(source, path) {
  const tokens = tokenize(source);
  let best = { line: 1, col: 1 };
  let from = 0;
  let to = tokens.length;
  let depth; // unknown for the first key: the policy object may sit anywhere in the file
  for (const segment of path) {
    if (typeof segment === 'number') {
      const open = tokens[from];
      if (!open || open.type !== 'open' || open.value !== '[') break;
      let index = 0;
      let start = from + 1;
      let found = -1;
      while (start < to && !(tokens[start].type === 'close' && tokens[start].depth === open.depth)) {
        if (index === segment) {
          found = start;
          break;
        }
        start = valueEnd(tokens, start) + 1;
        index++;
      }
      if (found === -1 || tokens[found].type === 'close') break;
      best = { line: tokens[found].line, col: tokens[found].col };
      from = found;
      to = valueEnd(tokens, found);
      depth = undefined;
    } else {
      let objectDepth = depth;
      if (from > 0 || depth !== undefined) {
        const open = tokens[from];
        if (!open || open.type !== 'open' || open.value !== '{') break;
        objectDepth = open.depth + 1;
      }
      const key = findKey(tokens, String(segment), from, to, objectDepth);
      if (key === -1) break;
      best = { line: tokens[key].line, col: tokens[key].col };
      from = key + 2;
      to = valueEnd(tokens, from);
      depth = tokens[from]?.depth;
    }
  }
  return best;
}

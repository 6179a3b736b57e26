/** Deepest nesting a policy may have: real policies use fewer than 10 levels; 5,000 overflows the stack. */
export const MAX_NESTING_DEPTH = 64;

/**
 * Whether JSON text nests arrays/objects deeper than `max`, scanned without recursion (and without
 * parsing), so a hostile file cannot overflow the stack before the check runs.
 */
export function jsonTextTooDeep(text: string, max: number = MAX_NESTING_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Whether a value nests objects/arrays deeper than `max` (cycles count as too deep). Iterative. */
export function valueTooDeep(value: unknown, max: number = MAX_NESTING_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

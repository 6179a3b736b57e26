/**
 * Appends Vary tokens to a response's existing `Vary` value, keeping the app's tokens and adding each
 * new one once (case-insensitive). `*` already varies on everything, so it absorbs new tokens.
 *
 * @returns the value to set, or `undefined` when there is nothing to write
 * @example mergeVary(res.getHeader('Vary'), decision.vary)
 */
export function mergeVary(existing: string | readonly string[] | number | null | undefined, tokens: readonly string[]): string | undefined {
  const current = existing === null || existing === undefined ? '' : Array.isArray(existing) ? existing.join(', ') : String(existing);
  if (tokens.length === 0) return current === '' ? undefined : current;
  if (current === '') {
    // Concatenation, not join(): V8 builds a cheap rope; this runs on every response.
    let out = tokens[0] as string;
    for (let i = 1; i < tokens.length; i++) out += `, ${tokens[i] as string}`;
    return out;
  }
  const have = new Set(current.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== ''));
  if (have.has('*')) return current;
  let out = current;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (!have.has(lower)) {
      out += `, ${token}`;
      have.add(lower);
    }
  }
  return out;
}

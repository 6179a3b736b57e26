/** Splits a comma-separated header value into trimmed, non-empty items (`undefined` → `[]`). */
export function headerList(value: string | readonly string[] | number | undefined): string[] {
  if (value === undefined) return [];
  const joined = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : String(value);
  return joined
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

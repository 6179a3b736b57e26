import { MAX_ORIGIN_LENGTH } from '@org/cors-core';

/**
 * Why `value` cannot be stored as a tenant domain, or `undefined` when it is an origin exactly as a
 * browser sends it (`https://shop.customer.com`: http(s), lower-case host, no default port, no path).
 * The runtime would drop anything else when it lists the table; refusing it here tells the caller at once.
 */
export function tenantOriginProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return 'origin must be a non-empty string';
  if (value.length > MAX_ORIGIN_LENGTH) return `origin is longer than ${MAX_ORIGIN_LENGTH} characters`;
  if (value.includes('*')) return 'origin must be one exact origin, not a pattern';
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return 'origin is not a URL origin like https://shop.customer.com';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'origin must be http:// or https://';
  if (parsed.origin !== value) return `origin must be written as the browser sends it: ${JSON.stringify(parsed.origin)}`;
  return undefined;
}

import { MAX_ORIGIN_LENGTH } from './origin-matcher.js';
import { isValidPunycodeLabel } from './punycode.js';

/*
 * Origins a provider hands over are data from a database, not reviewed policy: each is accepted only
 * if it is an exact origin exactly as a browser serialises it — the syntax the authoring validator
 * accepts for exact http(s) origins (a property test holds the two equal). Nothing is rewritten:
 * `HTTPS://Shop.Example` is dropped, not lower-cased, and a pattern is dropped, not widened.
 */

/** Why a provided value was dropped. */
export type DroppedOriginReason = 'not-a-string' | 'too-long' | 'wildcard' | 'null' | 'pattern' | 'not-canonical';

const SHAPE = /^(https?):\/\/(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::([1-9][0-9]{0,4}))?$/;
const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const IPV4_LIKE = /^(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]*))*$/i;
const CANONICAL_IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const NUMERIC_LABEL = /^(?:[0-9]+|0x[0-9a-f]*)$/;

/** `undefined` when `value` is a canonical exact http(s) origin; otherwise why it is dropped. */
export function providedOriginProblem(value: unknown): DroppedOriginReason | undefined {
  if (typeof value !== 'string') return 'not-a-string';
  if (value.length > MAX_ORIGIN_LENGTH) return 'too-long';
  if (value === '*') return 'wildcard';
  if (value === 'null') return 'null';
  if (value.includes('*')) return 'pattern';
  const match = SHAPE.exec(value);
  if (match === null) return 'not-canonical';
  const [, scheme, host, port] = match as unknown as [string, string, string, string | undefined];
  if (port !== undefined && (Number(port) > 65535 || DEFAULT_PORTS[scheme] === Number(port))) return 'not-canonical';
  return isCanonicalHost(host) ? undefined : 'not-canonical';
}

/** A host as the URL parser serialises it: canonical IP, or lower-case DNS labels (valid Punycode). */
function isCanonicalHost(host: string): boolean {
  if (host.startsWith('[')) return parsedHost(host) === host;
  if (IPV4_LIKE.test(host)) return CANONICAL_IPV4.test(host);
  if (host.length > 253) return false;
  const labels = host.split('.');
  // A trailing dot leaves an empty last label: a distinct origin the policy itself could not list.
  if (NUMERIC_LABEL.test(labels[labels.length - 1] as string) || !labels.every((label) => LABEL.test(label))) return false;
  if (!host.includes('xn--')) return true;
  return labels.every((label) => !label.startsWith('xn--') || isValidPunycodeLabel(label)) && parsedHost(host) === host;
}

function parsedHost(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/** How much trust an entry hands out. Rendered as a badge with words, never colour alone. */
export type Risk = 'low' | 'medium' | 'high';

export type OriginKind = 'exact-https' | 'pattern' | 'loopback-http' | 'http' | 'any' | 'null' | 'other-scheme';

/** One allowed-origin entry, classified for auditors. */
export interface OriginView {
  readonly origin: string;
  readonly kind: OriginKind;
  /** Short label for the badge, e.g. `Exact HTTPS`. */
  readonly label: string;
  readonly risk: Risk;
  /** One sentence: what the entry lets through. */
  readonly note: string;
  /** The entry in words for summaries: `https://myapp.com`, `any subdomain of example.com (https)`. */
  readonly words: string;
}

const RISK_RANK: Record<Risk, number> = { low: 0, medium: 1, high: 2 };

/** The higher of the risks (`low` for none). */
export function maxRisk(risks: Iterable<Risk>): Risk {
  let worst: Risk = 'low';
  for (const risk of risks) if (RISK_RANK[risk] > RISK_RANK[worst]) worst = risk;
  return worst;
}

export const RISK_LABEL: Record<Risk, string> = { low: 'Low risk', medium: 'Medium risk', high: 'High risk' };

/**
 * Classifies an origin entry of a policy that loaded (so it is already canonical). Risk grows with
 * what an attacker would need: control of one HTTPS site (low), of any subdomain or the visitor's
 * machine (medium), of the network path or any site at all (high, or medium for `*`, which never
 * carries cookies).
 */
export function describeOrigin(origin: string, credentials: boolean): OriginView {
  const withCookies = credentials ? ', with the user\'s cookies' : '';
  if (origin === '*') {
    return { origin, kind: 'any', label: 'Any site', risk: 'medium', words: 'any website', note: 'Every website may read these responses, but never with the user\'s cookies: only data that is public anyway belongs here.' };
  }
  if (origin === 'null') {
    return { origin, kind: 'null', label: 'null origin', risk: 'high', words: 'pages with a "null" origin', note: 'Any page can send Origin: null from a sandboxed iframe, so this trusts every site.' };
  }
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/.exec(origin);
  const scheme = match?.[1] ?? '';
  const rest = match?.[2] ?? origin;
  if (rest.startsWith('*.')) {
    const anyPort = rest.endsWith(':*');
    const base = rest.slice(2, anyPort ? -2 : undefined);
    const insecure = scheme === 'http';
    return {
      origin, kind: 'pattern', label: insecure ? 'HTTP pattern' : 'Subdomain pattern', risk: insecure ? 'high' : 'medium',
      words: `any subdomain of ${base} (${scheme}${anyPort ? ', any port' : ''})`,
      note: `Every subdomain of ${base}, at any depth${anyPort ? ' and on any port' : ''}, may read responses${withCookies}; one forgotten or taken-over subdomain is enough.${insecure ? ' Over plain HTTP, anyone on the network path can impersonate them.' : ''}`,
    };
  }
  if (scheme === 'https') {
    return { origin, kind: 'exact-https', label: 'Exact HTTPS', risk: 'low', words: origin, note: `Only pages served from exactly ${origin} may read responses${withCookies}.` };
  }
  if (scheme === 'http') {
    if (isLoopback(rest)) {
      return { origin, kind: 'loopback-http', label: 'Local machine', risk: 'medium', words: origin, note: `Pages served from the visitor's own machine at ${origin} (a development server, or any local program listening there) may read responses${withCookies}.` };
    }
    return { origin, kind: 'http', label: 'Plain HTTP', risk: 'high', words: origin, note: `Unencrypted: anyone on the network path to ${origin} can inject a script there and read responses${withCookies}.` };
  }
  return { origin, kind: 'other-scheme', label: `${scheme || 'Other'} scheme`, risk: 'medium', words: origin, note: `A non-web origin (${scheme || 'unknown scheme'}), such as a browser extension, may read responses${withCookies}.` };
}

function isLoopback(hostAndPort: string): boolean {
  const host = hostAndPort.startsWith('[') ? hostAndPort.slice(0, hostAndPort.indexOf(']') + 1) : (hostAndPort.split(':')[0] ?? '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

import { getPublicSuffix } from 'tldts';
import { isValidPunycodeLabel } from './punycode.js';
import type { RuleCode } from './rules.js';

/*
 * Reads one configured origin entry (policy-load time, never per request). An entry is refused
 * unless it is exactly what a browser would send (lower-case, no default port, Punycode, canonical
 * IP) or a narrow pattern: we never rewrite an entry into something else.
 */

/** A validated subdomain/port pattern, compiled into a structural matcher by `origin-matcher`. */
export interface OriginPattern {
  /** e.g. `https://` */
  readonly schemePrefix: string;
  readonly scheme: string;
  /** Host suffix after the wildcard (`example.com`), or the whole host when `wildcardHost` is false. */
  readonly host: string;
  /** `*.` stands for one or more labels before `host`. */
  readonly wildcardHost: boolean;
  /** `undefined`: no port; `'*'`: any port; else the one port allowed. */
  readonly port: number | '*' | undefined;
}

export type OriginEntry =
  | { readonly kind: 'any' }
  | { readonly kind: 'exact'; readonly origin: string; readonly scheme: string; readonly host: string; readonly port: number | undefined; readonly ip: boolean }
  | { readonly kind: 'pattern'; readonly pattern: OriginPattern; readonly ip: boolean }
  | { readonly kind: 'invalid' };

/** A problem with one entry. `credentialSensitive` findings are errors with credentials, warnings without. */
export interface EntryFinding {
  readonly code: RuleCode;
  readonly message: string;
  readonly hint: string;
  readonly credentialSensitive?: boolean;
}

export interface AnalysedEntry {
  readonly entry: OriginEntry;
  readonly findings: readonly EntryFinding[];
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };
const REGEX_LIKE = /[\^$\\()[\]|+?{}]|\.\*/;
/** A bracketed IPv6 host right after the scheme: its brackets are not a regex character class. */
const IPV6_HOST = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)\[[0-9A-Fa-f:.]*\]?/;
const SCHEME = /^([A-Za-z*][A-Za-z0-9+.\-*]*):(\/\/)?/;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const IPV4_LIKE = /^(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]*))*$/i;
/** WHATWG URL's "ends in a number": a last label of digits or `0x` hex makes the host an IPv4 address. */
const NUMERIC_LABEL = /^(?:[0-9]+|0x[0-9a-f]*)$/;
/** `*.` plus one character: the shortest host a pattern can match adds two to its base. */
const MAX_HOST_LENGTH = 253;
const CANONICAL_IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Regex syntax before any path, query or fragment (after the host, `?` and `.*` are URL characters). */
function looksLikeRegex(raw: string): boolean {
  const s = raw.replace(IPV6_HOST, '$1');
  const authority = s.indexOf('://');
  const cut = authority === -1 ? -1 : s.slice(authority + 3).search(/[/?#]/);
  return REGEX_LIKE.test(cut === -1 ? s : s.slice(0, authority + 3 + cut));
}

function invalid(...findings: EntryFinding[]): AnalysedEntry {
  return { entry: { kind: 'invalid' }, findings };
}

/** Analyses an origin entry; the same entry asked again gets the same answer (from a cache). */
export type OriginAnalyser = (raw: string) => AnalysedEntry;

/**
 * An analyser that remembers its answers: one policy load sees each origin from many places (lint of
 * every context, every environment, compilation), and the analysis (public-suffix lookup, URL
 * parser) is the expensive part. Scoped to one load, so nothing is kept between policies.
 */
export function memoisedOriginAnalyser(): OriginAnalyser {
  const known = new Map<string, AnalysedEntry>();
  return (raw) => {
    // Most entries are plain canonical origins: recognised in one regex, no cache entry needed.
    const plain = plainOrigin(raw);
    if (plain !== undefined) return plain;
    let analysed = known.get(raw);
    if (analysed === undefined) known.set(raw, (analysed = analyseOriginEntry(raw)));
    return analysed;
  };
}

/**
 * `http(s)://` + lower-case DNS labels (letters, digits, inner hyphens; no `xn--`, no trailing dot) +
 * an optional port without leading zero. Whatever it accepts, the full analysis accepts the same way
 * (a property test holds them together); anything else takes the full analysis.
 */
const PLAIN_ORIGIN = /^(https?):\/\/((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)(?::([1-9][0-9]{0,4}))?$/;
const NO_FINDINGS: readonly EntryFinding[] = [];

/** The analysis of a plain canonical exact origin, or `undefined` when it needs the full one. */
export function plainOrigin(raw: string): AnalysedEntry | undefined {
  const match = PLAIN_ORIGIN.exec(raw);
  if (match === null) return undefined;
  const [, scheme, host, portText] = match as unknown as [string, string, string, string | undefined];
  // Cases the regex cannot rule out cheaply go the long way: Punycode labels, long names, odd ports.
  if (host.length > MAX_HOST_LENGTH || host.includes('xn--')) return undefined;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (port > 65535 || DEFAULT_PORTS[scheme] === port)) return undefined;
  return { entry: { kind: 'exact', origin: raw, scheme, host, port, ip: false }, findings: NO_FINDINGS };
}

/** Classifies a configured origin entry and lists what is wrong with it. */
export function analyseOriginEntry(raw: string): AnalysedEntry {
  if (raw === '*') return { entry: { kind: 'any' }, findings: [] };
  if (raw.trim() === '') {
    return invalid({ code: 'origins/missing-scheme', message: 'An origin entry is empty.', hint: 'Remove the empty entry or write a full origin such as "https://app.example.com".' });
  }
  if (/\s/.test(raw)) {
    return invalid({ code: 'origins/whitespace', message: `${JSON.stringify(raw)} contains whitespace.`, hint: `Write ${JSON.stringify(raw.trim().split(/[\s,]+/)[0])} without spaces; put each origin in its own entry.` });
  }
  if (raw.includes(',')) {
    return invalid({ code: 'origins/comma-joined', message: `${JSON.stringify(raw)} joins several origins in one entry.`, hint: `Split it into separate entries: ${raw.split(',').map((s) => JSON.stringify(s.trim())).join(', ')}.` });
  }
  if (raw === 'null') {
    return invalid({ code: 'origins/null', message: 'The "null" origin is sent by sandboxed iframes, file: pages and redirects: any site can produce it.', hint: 'Remove "null"; serve the calling page from a real origin and list that origin.', credentialSensitive: true });
  }
  if (looksLikeRegex(raw)) {
    return invalid({ code: 'patterns/regex', message: `${JSON.stringify(raw)} looks like a regular expression; origins are compared exactly.`, hint: 'List exact origins, or use a subdomain pattern such as "https://*.example.com".' });
  }
  const scheme = SCHEME.exec(raw);
  if (scheme === null || scheme[2] === undefined) {
    if (scheme !== null && scheme[1]?.toLowerCase() === 'file') return fileScheme(JSON.stringify(raw));
    return invalid({ code: 'origins/missing-scheme', message: `${JSON.stringify(raw)} has no scheme.`, hint: `Write the full origin, e.g. "https://${raw.replace(/^\/+/, '')}".` });
  }
  const schemeName = scheme[1] as string;
  if (schemeName.includes('*')) {
    return invalid({ code: 'patterns/scheme-wildcard', message: `${JSON.stringify(raw)} uses a wildcard in the scheme.`, hint: `List the scheme explicitly, normally "https://${raw.slice(scheme[0].length)}".` });
  }
  if (schemeName.toLowerCase() === 'file') return fileScheme(JSON.stringify(raw));
  const rest = raw.slice(scheme[0].length);
  const cut = rest.search(/[/?#]/);
  if (cut !== -1) {
    // The hint must itself be valid: lower-case, and without a default port browsers would omit.
    const origin = raw.slice(0, scheme[0].length + cut).toLowerCase();
    const port = DEFAULT_PORTS[scheme[1]?.toLowerCase() ?? ''];
    const hinted = port !== undefined && origin.endsWith(`:${port}`) ? origin.slice(0, -`:${port}`.length) : origin;
    return invalid({ code: 'origins/not-an-origin', message: `${JSON.stringify(raw)} has a path, query, fragment or trailing slash; an Origin header never does.`, hint: `Write "${hinted}".` });
  }
  if (rest.includes('@')) {
    return invalid({ code: 'origins/not-an-origin', message: `${JSON.stringify(raw)} contains userinfo ("user@"); an Origin header never does.`, hint: `Write "${scheme[0]}${rest.slice(rest.lastIndexOf('@') + 1)}".` });
  }
  const findings: EntryFinding[] = [];
  if (schemeName !== schemeName.toLowerCase()) {
    findings.push(lowerCaseFinding(raw));
  }
  const lowerScheme = schemeName.toLowerCase();
  // Split host and port; IPv6 literals carry colons inside brackets.
  let host = rest;
  let portText: string | undefined;
  const close = rest.startsWith('[') ? rest.indexOf(']') : -1;
  if (rest.startsWith('[') && close === -1) {
    return invalid({ code: 'origins/invalid-host', message: `${JSON.stringify(raw)} has a malformed IPv6 address.`, hint: 'Write a valid IPv6 literal in brackets, e.g. "http://[::1]:8080".' });
  }
  const colon = rest.indexOf(':', close === -1 ? 0 : close);
  if (colon !== -1) {
    host = rest.slice(0, colon);
    portText = rest.slice(colon + 1);
  }
  let port: number | '*' | undefined;
  if (portText !== undefined) {
    if (portText === '*') port = '*';
    else if (!/^[0-9]+$/.test(portText) || (portText.length > 1 && portText.startsWith('0'))) {
      return invalid({ code: 'origins/invalid-port', message: `${JSON.stringify(raw)} has the port "${portText}", which is not a canonical port number.`, hint: 'Use a port from 1 to 65535 without leading zeros, or ":*" for any port.' });
    } else {
      const n = Number(portText);
      if (n < 1 || n > 65535) {
        return invalid({ code: 'origins/invalid-port', message: `${JSON.stringify(raw)} has the port ${portText}, outside 1–65535.`, hint: 'Use a port from 1 to 65535.' });
      }
      if (DEFAULT_PORTS[lowerScheme] === n) {
        return invalid({ code: 'origins/default-port', message: `${JSON.stringify(raw)} names the default port ${n}, which browsers omit from the Origin header.`, hint: `Write "${lowerScheme}://${host}" (without ":${n}").` });
      }
      port = n;
    }
  }
  if (host === '') {
    return invalid({ code: 'origins/invalid-host', message: `${JSON.stringify(raw)} has no host.`, hint: 'Write scheme://host, e.g. "https://app.example.com".' });
  }
  const stars = host.split('*').length - 1;
  if (stars > 1) {
    return invalid({ code: 'patterns/multiple-wildcards', message: `${JSON.stringify(raw)} has ${stars} wildcards.`, hint: 'Use one leading "*." — it already matches one or more labels ("https://*.example.com" matches a.b.example.com).' });
  }
  if (host === '*') {
    return invalid({ code: 'patterns/bare-wildcard', message: `${JSON.stringify(raw)} allows every host on ${lowerScheme}.`, hint: 'List the sites that may call you, or use ["*"] (without credentials) if the API is truly public.' });
  }
  const wildcardHost = stars === 1;
  if (wildcardHost && !host.startsWith('*.')) {
    // The base the author meant: `*example.com` → example.com, `api-*.example.com` → example.com (never `*.com`).
    const after = host.slice(host.indexOf('*') + 1);
    const meant = after.startsWith('.') ? after.slice(1) : host.startsWith('*') ? after : after.replace(/^[^.]*\./, '');
    return invalid({ code: 'patterns/wildcard-position', message: `${JSON.stringify(raw)} puts the wildcard inside a label, so it matches look-alike hosts.`, hint: `Use a whole leading label: "${lowerScheme}://*.${meant}".` });
  }
  const baseHost = wildcardHost ? host.slice(2) : host;
  const checked = checkHost(baseHost, raw);
  // Before the IP's own spelling: a canonical-IP hint would still suggest a wildcard on an IP.
  if (wildcardHost && checked.isIp) {
    return invalid({ code: 'patterns/ip-wildcard', message: `${JSON.stringify(raw)} applies a wildcard to an IP address.`, hint: 'List each IP origin exactly.' });
  }
  if (checked.finding !== undefined) return invalid(...findings, checked.finding);
  if (wildcardHost && baseHost.length + 2 > MAX_HOST_LENGTH) {
    return invalid({ code: 'patterns/base-too-long', message: `${JSON.stringify(raw)} has a ${baseHost.length}-character base, so every host it matches is longer than ${MAX_HOST_LENGTH} characters, which no browser sends.`, hint: `Use a base of at most ${MAX_HOST_LENGTH - 2} characters, or list the origin exactly.` });
  }
  if (baseHost !== baseHost.toLowerCase() && !findings.some((f) => f.code === 'origins/not-lowercase')) {
    findings.push(lowerCaseFinding(raw));
  }
  if (findings.length > 0) return invalid(...findings);
  if (lowerScheme !== 'http' && lowerScheme !== 'https') {
    findings.push({ code: 'origins/unsupported-scheme', message: `${JSON.stringify(raw)} uses the ${lowerScheme}: scheme; only http and https pages are web origins.`, hint: 'Make sure a browser extension or app really needs access; otherwise remove the entry.' });
  }
  if (wildcardHost) {
    const suffix = getPublicSuffix(baseHost, { allowPrivateDomains: true });
    // `localhost` is on no suffix list but is no registry either: every name under it is loopback (RFC 6761).
    if (suffix === baseHost && baseHost !== 'localhost') {
      findings.push({ code: 'patterns/public-suffix', message: `${JSON.stringify(raw)} covers every site registered under the public suffix "${baseHost}".`, hint: `Anchor the pattern on a domain you own, e.g. "${lowerScheme}://*.your-domain.${baseHost}".`, credentialSensitive: true });
    }
  }
  if (wildcardHost || port === '*') {
    return { entry: { kind: 'pattern', pattern: { scheme: lowerScheme, schemePrefix: `${lowerScheme}://`, host: baseHost, wildcardHost, port }, ip: checked.isIp }, findings };
  }
  return { entry: { kind: 'exact', origin: raw, scheme: lowerScheme, host: baseHost, port, ip: checked.isIp }, findings };
}

function fileScheme(shown: string): AnalysedEntry {
  return invalid({ code: 'origins/file-scheme', message: `${shown} is a file: URL; browsers send "Origin: null" for file pages.`, hint: 'Serve the calling page over http(s) (e.g. http://localhost:3000) and list that origin.' });
}

function lowerCaseFinding(raw: string): EntryFinding {
  return { code: 'origins/not-lowercase', message: `${JSON.stringify(raw)} has upper-case letters; browsers send lower-case origins and matching is exact.`, hint: `Write "${raw.replace(/[A-Z]+/g, (s) => s.toLowerCase())}".` };
}

/** Validates a host (no wildcard) and says whether it is an IP literal. */
function checkHost(host: string, raw: string): { finding?: EntryFinding; isIp: boolean } {
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(host)) {
    let ascii: string | undefined;
    try {
      ascii = new URL(`https://${host}`).hostname;
    } catch {
      ascii = undefined;
    }
    const hint = ascii === undefined ? 'Write the host in its Punycode (xn--) form.' : `Write the Punycode form "${raw.replace(host, ascii)}".`;
    return { finding: { code: 'origins/unicode-host', message: `${JSON.stringify(raw)} has a Unicode host; browsers send its Punycode form.`, hint }, isIp: false };
  }
  if (host.startsWith('[')) {
    const canonical = canonicalHost(host);
    if (canonical === undefined || !host.endsWith(']')) {
      return { finding: { code: 'origins/invalid-host', message: `${JSON.stringify(raw)} has a malformed IPv6 address.`, hint: 'Write a valid IPv6 literal in brackets, e.g. "http://[::1]:8080".' }, isIp: true };
    }
    if (canonical !== host) {
      return { finding: { code: 'origins/non-canonical-ip', message: `${JSON.stringify(raw)} does not write the IPv6 address the way browsers do.`, hint: `Write "${raw.replace(host, canonical)}".` }, isIp: true };
    }
    return { isIp: true };
  }
  if (IPV4_LIKE.test(host)) {
    if (CANONICAL_IPV4.test(host)) return { isIp: true };
    const canonical = canonicalHost(host);
    const hint = canonical === undefined ? 'Write the address as four decimal numbers, e.g. 127.0.0.1.' : `Write "${raw.replace(host, canonical)}".`;
    return { finding: { code: 'origins/non-canonical-ip', message: `${JSON.stringify(raw)} writes an IP address in a form browsers never send.`, hint }, isIp: true };
  }
  const lower = host.toLowerCase();
  // One trailing dot is a valid, fully-qualified name; it is reported last, once the name itself is sound.
  const dotted = lower.length > 1 && lower.endsWith('.');
  const name = dotted ? lower.slice(0, -1) : lower;
  const labels = name.split('.');
  if (NUMERIC_LABEL.test(labels[labels.length - 1] as string)) {
    return { finding: { code: 'origins/numeric-last-label', message: `${JSON.stringify(raw)} ends in a numeric label, so browsers parse the host as an IPv4 address and reject it.`, hint: 'Write the full domain name (the last label is never a number), or an IP address as four decimal numbers, e.g. "http://127.0.0.1:8080".' }, isIp: false };
  }
  if (name.length > MAX_HOST_LENGTH || !labels.every((label) => LABEL.test(label))) {
    return { finding: { code: 'origins/invalid-host', message: `${JSON.stringify(raw)} does not have a valid host name.`, hint: 'Use letters, digits and hyphens in dot-separated labels of at most 63 characters.' }, isIp: false };
  }
  // Every xn-- label must round-trip, and the URL parser (what browsers run) must keep the host as written.
  const encoded = labels.filter((label) => label.startsWith('xn--'));
  const bad = encoded.find((label) => !isValidPunycodeLabel(label)) ?? (encoded.length > 0 && canonicalHost(lower) !== lower ? encoded[0] : undefined);
  if (bad !== undefined) {
    return { finding: { code: 'origins/invalid-punycode', message: `${JSON.stringify(raw)} has the label "${bad}", which is not valid Punycode for a host browsers accept.`, hint: 'Copy the host from the browser\'s address bar, or convert the Unicode name with an IDNA tool (bücher.example is "xn--bcher-kva.example").' }, isIp: false };
  }
  if (dotted) {
    const without = raw.replace(host, host.slice(0, -1));
    return { finding: { code: 'origins/trailing-dot', message: `${JSON.stringify(raw)} ends with a dot: browsers send it only from pages loaded at that exact dotted host, a distinct origin from ${JSON.stringify(without)} that is rarely intended.`, hint: `Write ${JSON.stringify(without)}. The dotted form would need its own entry, which policies do not accept.` }, isIp: false };
  }
  return { isIp: false };
}

function canonicalHost(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/** Loopback hosts, where plain http carries no network risk. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

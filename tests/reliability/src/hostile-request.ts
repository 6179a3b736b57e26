import fc from 'fast-check';
import { LISTED_ORIGINS, PATTERN_MATCHED_ORIGIN, TENANT_HOSTS, tenantOrigin } from './reliability-policy.js';

/*
 * Random and adversarial requests, as bytes: header soup, repeated and comma-joined `Origin` lines,
 * 64 KiB `Access-Control-Request-Headers`, bytes above 0x7F, control characters, CR/LF smuggled into
 * values, unknown and lower-case methods, odd paths. Valid requests are mixed in so the allowed paths
 * run too.
 */

export interface HostileRequest {
  readonly method: string;
  readonly path: string;
  /** Header lines as sent (after `Host`). A value is text (sent as Latin-1) or raw bytes. */
  readonly lines: ReadonlyArray<readonly [string, string | Uint8Array]>;
}

const KIB = 1024;

const listedOrigin = fc.constantFrom(...LISTED_ORIGINS, PATTERN_MATCHED_ORIGIN, 'https://partner.example');

/** Tenant origins of the lookup source, and not: random hosts, so its cache keeps evicting. */
const tenantOriginValue = fc.integer({ min: 0, max: TENANT_HOSTS - 1 }).map(tenantOrigin);

const hostileOrigin = fc.oneof(
  fc.constantFrom(
    'null', '', ' ', 'https://evil.example', 'https://app.example.com.evil.example', 'https://APP.example.com',
    'https://app.example.com.', 'https://app.example.com:443', 'https://app.example.com/', 'https://app.example.com, https://evil.example',
    'https://*.tenant.example.com', 'https://.tenant.example.com', 'https://a.b.tenant.example.com', '*', 'file://', 'https://[::1]',
    'https://xn--e1afmkfd.example', 'https://app.example.com:99999', 'javascript:alert(1)', 'http://localhost:3000 ', '\thttp://localhost:3000',
  ),
  fc.string({ maxLength: 40 }),
  // Origin-shaped values: a scheme, a host of label-ish pieces, maybe a port (cheaper to draw than fc.webUrl).
  fc.tuple(
    fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', 'https:/'),
    fc.array(fc.constantFrom('a', 'example', 'com', 'xn--p1ai', '-', '0', '.', '127', '[::1]', '_', 'tenant'), { minLength: 1, maxLength: 8 }),
    fc.constantFrom('', ':8080', ':0', ':443', ':65536', ':'),
  ).map(([scheme, host, port]) => scheme + host.join('') + port),
);

/** Sometimes (1 in `1 + weight`), a value of up to 64 KiB instead: rare, or they would dominate the run's bytes. */
function sometimesHuge<T>(usual: fc.Arbitrary<T>, huge: fc.Arbitrary<T>, weight = 40): fc.Arbitrary<T> {
  return fc.oneof({ weight, arbitrary: usual }, { weight: 1, arbitrary: huge });
}

const HUGE_LENGTHS = [4 * KIB - 1, 4 * KIB, 4 * KIB + 1, 16 * KIB, 64 * KIB] as const;
const hugeLength = fc.constantFrom(...HUGE_LENGTHS);

/** Bytes above 0x7F (obs-text: HTTP servers pass them on as Latin-1 text). */
const obsText = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => bytes.map((b) => (b < 0x20 || b === 0x7f ? b + 0x80 : b))),
  fc.constantFrom(Buffer.from('https://app.\xe9xample.com', 'latin1'), Buffer.from('https://пример.example', 'utf8')),
);

/** Bytes no header value may hold: most make Node answer 400 itself, a line break starts another header. */
const forbiddenBytes = fc.constantFrom(
  Buffer.from('https://app.example.com\x01', 'latin1'),
  Buffer.from('https://app.example.com\x7f', 'latin1'),
  Buffer.from('https://app.example.com\r\nX-Injected: 1', 'latin1'),
  Buffer.from('https://app.example.com\nX-Injected: 1', 'latin1'),
  Buffer.from('https://app.example.com\rX-Injected: 1', 'latin1'),
  Buffer.from('https://app.example.com\x00', 'latin1'),
);

const rawBytes = fc.oneof({ weight: 4, arbitrary: obsText }, { weight: 1, arbitrary: forbiddenBytes });

const originValue = sometimesHuge(
  fc.oneof({ weight: 3, arbitrary: listedOrigin }, { weight: 2, arbitrary: tenantOriginValue }, { weight: 3, arbitrary: hostileOrigin }, { weight: 1, arbitrary: rawBytes }),
  hugeLength.map((length) => `https://${'a'.repeat(length - 16)}.example`),
);

const requestMethodValue = sometimesHuge(
  fc.oneof(
    fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'put', 'CONNECT', 'TRACE', '', 'GET, PUT', 'P UT', '*'),
    fc.array(fc.constantFrom(...'!#$%&\'*+.^_`|~09AZaz-'), { minLength: 1, maxLength: 20 }).map((chars) => chars.join('')),
    rawBytes,
  ),
  hugeLength.map((length) => 'X'.repeat(length)),
);

/** `count` header names joined with `sep`, cut to about `length` bytes. */
function nameList(names: readonly string[], sep: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${i === 0 ? '' : sep}${names[i % names.length] as string}${i}`;
  return out.slice(0, length);
}

const requestHeadersValue = sometimesHuge(
  fc.oneof(
    fc.constantFrom('content-type', 'Content-Type, Authorization', 'x-request-id', 'authorization', 'x-other', ',,,', ' , ', 'content-type,', 'a b', '(bad)'),
    fc.array(fc.constantFrom('content-type', 'authorization', 'x-request-id', 'x-other', 'accept', 'X-REQUEST-ID'), { maxLength: 80 }).map((names) => names.join(', ')),
    rawBytes,
  ),
  hugeLength.map((length) => nameList(['x-h', 'content-type'], ',', length)),
  10,
);

const headerName = fc.constantFrom('X-Junk', 'Accept', 'Cookie', 'Authorization', 'X-Forwarded-Host', 'Vary', 'Access-Control-Allow-Origin', 'Sec-Fetch-Mode');
const soupLine = fc.tuple(headerName, fc.oneof({ weight: 8, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 1, arbitrary: rawBytes })) as fc.Arbitrary<readonly [string, string | Uint8Array]>;

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') },
  { weight: 1, arbitrary: fc.constantFrom('options', 'get', 'PROPFIND', 'QUERY', 'FOO', 'G ET') },
);

const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('/', '/api/items', '/api/items?x=1', '/public/status', '/PUBLIC/x/', '/admin/users', '/partners/acme/feed', '/partners/acme/feed/x', '/missing/x') },
  { weight: 1, arbitrary: fc.constantFrom('//api/items', '/api/items#f', '/%2e%2e/admin', '/api/%zz', '*', 'http://127.0.0.1/api/items', `/${'p/'.repeat(1000)}`) },
);

type Line = readonly [string, string | Uint8Array];
const line = (name: string) => (value: string | Uint8Array): Line => [name, value];

/** Anything: every field drawn from hostile and valid values alike. */
const anyRequest: fc.Arbitrary<HostileRequest> = fc.record({
  method,
  path,
  origins: fc.oneof(
    { weight: 1, arbitrary: fc.constant<Array<string | Uint8Array>>([]) },
    { weight: 5, arbitrary: fc.array<string | Uint8Array>(originValue, { minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.array<string | Uint8Array>(originValue, { minLength: 2, maxLength: 3 }) },
  ),
  requestMethod: fc.option(fc.array(requestMethodValue, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 2 }),
  requestHeaders: fc.option(fc.array(requestHeadersValue, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 2 }),
  privateNetwork: fc.option(fc.constantFrom('true', 'false', 'TRUE'), { nil: undefined, freq: 4 }),
  soup: fc.array(soupLine, { maxLength: 4 }),
}).map((r) => ({
  method: r.method,
  path: r.path,
  lines: [
    ...r.origins.map(line('Origin')),
    ...(r.requestMethod ?? ([] as Array<string | Uint8Array>)).map(line('Access-Control-Request-Method')),
    ...(r.requestHeaders ?? ([] as Array<string | Uint8Array>)).map(line('Access-Control-Request-Headers')),
    ...(r.privateNetwork === undefined ? [] : [line('Access-Control-Request-Private-Network')(r.privateNetwork)]),
    ...r.soup,
  ],
}));

/** A preflight a browser could send (often one the policy allows), with some header soup. */
const browserPreflight: fc.Arbitrary<HostileRequest> = fc.record({
  path: fc.constantFrom('/api/items', '/public/status', '/partners/acme/feed', '/admin/users'),
  origin: listedOrigin,
  requestMethod: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  requestHeaders: fc.option(fc.constantFrom('content-type', 'content-type,authorization', 'x-request-id', 'x-other'), { nil: undefined }),
  soup: fc.array(soupLine, { maxLength: 2 }),
}).map((r) => ({
  method: 'OPTIONS',
  path: r.path,
  lines: [
    line('Origin')(r.origin),
    line('Access-Control-Request-Method')(r.requestMethod),
    ...(r.requestHeaders === undefined ? [] : [line('Access-Control-Request-Headers')(r.requestHeaders)]),
    ...r.soup,
  ],
}));

/** One request: mostly anything, often a preflight a browser could send. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof({ weight: 3, arbitrary: anyRequest }, { weight: 1, arbitrary: browserPreflight });

/** The request's bytes on the wire (no body; `Connection: keep-alive` is HTTP/1.1's default). */
export function requestBytes(request: HostileRequest): Buffer {
  const parts: Buffer[] = [Buffer.from(`${request.method} ${request.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`, 'latin1')];
  for (const [name, value] of request.lines) {
    parts.push(Buffer.from(`${name}: `, 'latin1'), typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from(value), Buffer.from('\r\n', 'latin1'));
  }
  parts.push(Buffer.from('\r\n', 'latin1'));
  return Buffer.concat(parts);
}

/**
 * The `Origin` values of a request as an HTTP server reads them: Latin-1, cut at a line break (what
 * follows is another header line) and without the optional whitespace around the value.
 */
export function originLines(request: HostileRequest): string[] {
  return request.lines
    .filter(([name]) => name === 'Origin')
    .map(([, value]) => (typeof value === 'string' ? value : Buffer.from(value).toString('latin1')))
    .map((value) => (value.split(/\r\n|\n/)[0] as string).replace(/^[\t ]+|[\t ]+$/g, ''));
}

import fc from 'fast-check';
import { LISTED_ORIGINS, PATTERN_MATCHED_ORIGIN } from './reliability-policy.js';

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

const hostileOrigin = fc.oneof(
  fc.constantFrom(
    'null', '', ' ', 'https://evil.example', 'https://app.example.com.evil.example', 'https://APP.example.com',
    'https://app.example.com.', 'https://app.example.com:443', 'https://app.example.com/', 'https://app.example.com, https://evil.example',
    'https://*.tenant.example.com', 'https://.tenant.example.com', 'https://a.b.tenant.example.com', '*', 'file://', 'https://[::1]',
    'https://xn--e1afmkfd.example', 'https://app.example.com:99999', 'javascript:alert(1)', 'http://localhost:3000 ', '\thttp://localhost:3000',
  ),
  fc.string({ maxLength: 40 }),
  fc.webUrl().map((url) => url.replace(/\/+$/, '')),
  fc.integer({ min: 1, max: 64 }).map((k) => `https://${'a'.repeat(k * KIB - 12)}.example`),
);

/** Bytes no header value should hold: above 0x7F, or control characters. */
const rawBytes = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => bytes.map((b) => (b < 0x20 && b !== 9 ? b + 0x80 : b))),
  fc.constantFrom(
    Buffer.from('https://app.example.com\x01', 'latin1'),
    Buffer.from('https://app.\xe9xample.com', 'latin1'),
    Buffer.from('https://app.example.com\x7f', 'latin1'),
    Buffer.from('https://пример.example', 'utf8'),
    Buffer.from('https://app.example.com\r\nX-Injected: 1', 'latin1'),
    Buffer.from('https://app.example.com\nX-Injected: 1', 'latin1'),
    Buffer.from('https://app.example.com\rX-Injected: 1', 'latin1'),
    Buffer.from('https://app.example.com\x00', 'latin1'),
  ),
);

const originValue = fc.oneof({ weight: 3, arbitrary: listedOrigin }, { weight: 3, arbitrary: hostileOrigin }, { weight: 1, arbitrary: rawBytes });

const requestMethodValue = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'put', 'CONNECT', 'TRACE', '', 'GET, PUT', 'P UT', '*'),
  fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/),
  fc.integer({ min: 1, max: 64 }).map((k) => 'X'.repeat(k * KIB)),
  rawBytes,
);

/** `count` header names joined with `sep`, cut to about `length` bytes. */
function nameList(names: readonly string[], sep: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${i === 0 ? '' : sep}${names[i % names.length] as string}${i}`;
  return out.slice(0, length);
}

const requestHeadersValue = fc.oneof(
  fc.constantFrom('content-type', 'Content-Type, Authorization', 'x-request-id', 'authorization', 'x-other', ',,,', ' , ', 'content-type,', 'a b', '(bad)'),
  fc.array(fc.constantFrom('content-type', 'authorization', 'x-request-id', 'x-other', 'accept', 'X-REQUEST-ID'), { maxLength: 80 }).map((names) => names.join(', ')),
  fc.constantFrom(4 * KIB - 1, 4 * KIB, 4 * KIB + 1, 16 * KIB, 64 * KIB).map((length) => nameList(['x-h', 'content-type'], ',', length)),
  rawBytes,
);

const headerName = fc.constantFrom('X-Junk', 'Accept', 'Cookie', 'Authorization', 'X-Forwarded-Host', 'Vary', 'Access-Control-Allow-Origin', 'Sec-Fetch-Mode');
const soupLine = fc.tuple(headerName, fc.oneof(fc.string({ maxLength: 30 }), rawBytes)) as fc.Arbitrary<readonly [string, string | Uint8Array]>;

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

/** One request: a method, a path and its header lines. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.record({
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

/** The request's bytes on the wire (no body; `Connection: keep-alive` is HTTP/1.1's default). */
export function requestBytes(request: HostileRequest): Buffer {
  const parts: Buffer[] = [Buffer.from(`${request.method} ${request.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`, 'latin1')];
  for (const [name, value] of request.lines) {
    parts.push(Buffer.from(`${name}: `, 'latin1'), typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from(value), Buffer.from('\r\n', 'latin1'));
  }
  parts.push(Buffer.from('\r\n', 'latin1'));
  return Buffer.concat(parts);
}

/** The `Origin` lines of a request, as Node reads them (Latin-1). */
export function originLines(request: HostileRequest): string[] {
  return request.lines.filter(([name]) => name === 'Origin').map(([, value]) => (typeof value === 'string' ? value : Buffer.from(value).toString('latin1')));
}

import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../src/index.js';
import { base, lint } from './helpers.js';

/** Lints a policy whose only interesting field is `origins`. */
const origins = (list: unknown, credentials = false) => lint({ ...base, origins: list, credentials });

describe('origins a policy must refuse', () => {
  it('a missing origins list', () => {
    expect(lint({ name: 'test-api' })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins policy/invalid-shape — Add \`origins\`.",
        ],
        "loads": false,
      }
    `);
  });

  it('an empty origins list', () => {
    expect(origins([])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins origins/empty — List the origins that may call this API, or mark the route \`disabled: true\`.",
        ],
        "loads": false,
      }
    `);
  });

  it('"*" with credentials', () => {
    expect(origins(['*'], true)).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/wildcard-with-credentials — List the exact origins that need cookies, or turn credentials off for a public API.",
        ],
        "loads": false,
      }
    `);
  });

  it('"*" mixed with other entries', () => {
    expect(origins(['https://app.example.com', '*'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[1] origins/wildcard-mixed — Keep either "*" alone (public, no credentials) or only the specific origins.",
        ],
        "loads": false,
      }
    `);
  });

  it('"null": an error with credentials, a warning without', () => {
    expect(origins(['null'], true)).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/null — Remove "null"; serve the calling page from a real origin and list that origin.",
        ],
        "loads": false,
      }
    `);
    expect(origins(['https://app.example.com', 'null'], false)).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning origins[1] origins/null — Remove "null"; serve the calling page from a real origin and list that origin.",
        ],
        "loads": true,
      }
    `);
  });

  it('file: origins', () => {
    expect(origins(['file://', 'file:///home/me/index.html'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/file-scheme — Serve the calling page over http(s) (e.g. http://localhost:3000) and list that origin.",
          "error origins[1] origins/file-scheme — Serve the calling page over http(s) (e.g. http://localhost:3000) and list that origin.",
        ],
        "loads": false,
      }
    `);
  });

  it('entries without a scheme', () => {
    expect(origins(['app.example.com', '//app.example.com', ''])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/missing-scheme — Write the full origin, e.g. "https://app.example.com".",
          "error origins[1] origins/missing-scheme — Write the full origin, e.g. "https://app.example.com".",
          "error origins[2] origins/missing-scheme — Remove the empty entry or write a full origin such as "https://app.example.com".",
        ],
        "loads": false,
      }
    `);
  });

  it('a path, query, fragment, trailing slash or userinfo', () => {
    expect(
      origins(['https://app.example.com/', 'https://app.example.com/api', 'https://app.example.com?x=1', 'https://app.example.com#top', 'https://user:pw@app.example.com']),
    ).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/not-an-origin — Write "https://app.example.com".",
          "error origins[1] origins/not-an-origin — Write "https://app.example.com".",
          "error origins[2] origins/not-an-origin — Write "https://app.example.com".",
          "error origins[3] origins/not-an-origin — Write "https://app.example.com".",
          "error origins[4] origins/not-an-origin — Write "https://app.example.com".",
        ],
        "loads": false,
      }
    `);
  });

  it('a trailing slash after mixed case and a default port gets a hint that is itself valid', () => {
    expect(origins(['https://App.Example.com:443/', 'http://LOCALHOST:80/x'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/not-an-origin — Write "https://app.example.com".",
          "error origins[1] origins/not-an-origin — Write "http://localhost".",
        ],
        "loads": false,
      }
    `);
  });

  it('port 0, ports above 65535 and non-canonical ports', () => {
    expect(origins(['https://app.example.com:0', 'https://app.example.com:65536', 'https://app.example.com:08080', 'https://app.example.com:'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/invalid-port — Use a port from 1 to 65535.",
          "error origins[1] origins/invalid-port — Use a port from 1 to 65535.",
          "error origins[2] origins/invalid-port — Use a port from 1 to 65535 without leading zeros, or ":*" for any port.",
          "error origins[3] origins/invalid-port — Use a port from 1 to 65535 without leading zeros, or ":*" for any port.",
        ],
        "loads": false,
      }
    `);
  });

  it('an explicit default port (refused, not canonicalised)', () => {
    expect(origins(['https://app.example.com:443', 'http://localhost:80'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/default-port — Write "https://app.example.com" (without ":443").",
          "error origins[1] origins/default-port — Write "http://localhost" (without ":80").",
        ],
        "loads": false,
      }
    `);
  });

  it('upper case (refused, not canonicalised)', () => {
    expect(origins(['https://App.Example.com', 'HTTPS://app.example.com'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/not-lowercase — Write "https://app.example.com".",
          "error origins[1] origins/not-lowercase — Write "https://app.example.com".",
        ],
        "loads": false,
      }
    `);
  });

  it('whitespace', () => {
    expect(origins([' https://app.example.com', 'https://app.example.com\n', 'https://a.example.com https://b.example.com'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/whitespace — Write "https://app.example.com" without spaces; put each origin in its own entry.",
          "error origins[1] origins/whitespace — Write "https://app.example.com" without spaces; put each origin in its own entry.",
          "error origins[2] origins/whitespace — Write "https://a.example.com" without spaces; put each origin in its own entry.",
        ],
        "loads": false,
      }
    `);
  });

  it('comma-joined entries', () => {
    expect(origins(['https://a.example.com,https://b.example.com'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/comma-joined — Split it into separate entries: "https://a.example.com", "https://b.example.com".",
        ],
        "loads": false,
      }
    `);
  });

  it('Unicode hosts (refused, with the Punycode form in the hint)', () => {
    expect(origins(['https://bücher.example', 'https://\u212Aiosk.example.com'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/unicode-host — Write the Punycode form "https://xn--bcher-kva.example".",
          "error origins[1] origins/unicode-host — Write the Punycode form "https://kiosk.example.com".",
        ],
        "loads": false,
      }
    `);
  });

  it('non-canonical IP addresses', () => {
    expect(origins(['http://127.1:3000', 'http://0x7f.0.0.1', 'http://127.000.000.001', 'http://[0:0:0:0:0:0:0:1]', 'http://[::FFFF:127.0.0.1]'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/non-canonical-ip — Write "http://127.0.0.1:3000".",
          "error origins[1] origins/non-canonical-ip — Write "http://127.0.0.1".",
          "error origins[2] origins/non-canonical-ip — Write "http://127.0.0.1".",
          "error origins[3] origins/non-canonical-ip — Write "http://[::1]".",
          "error origins[4] origins/non-canonical-ip — Write "http://[::ffff:7f00:1]".",
        ],
        "loads": false,
      }
    `);
  });

  it('invalid hosts', () => {
    expect(origins(['https://-bad.example.com', `https://${'a'.repeat(64)}.example.com`, 'https://a..example.com', 'http://[::1'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/invalid-host — Use letters, digits and hyphens in dot-separated labels of at most 63 characters.",
          "error origins[1] origins/invalid-host — Use letters, digits and hyphens in dot-separated labels of at most 63 characters.",
          "error origins[2] origins/invalid-host — Use letters, digits and hyphens in dot-separated labels of at most 63 characters.",
          "error origins[3] origins/invalid-host — Write a valid IPv6 literal in brackets, e.g. "http://[::1]:8080".",
        ],
        "loads": false,
      }
    `);
  });

  it('hosts ending in a numeric label that is not an IPv4 address (browsers reject the URL)', () => {
    expect(origins(['https://app.123', 'http://api.0x1f:8080', 'https://*.example.42', 'https://app.123.'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/numeric-last-label — Write the full domain name (the last label is never a number), or an IP address as four decimal numbers, e.g. "http://127.0.0.1:8080".",
          "error origins[1] origins/numeric-last-label — Write the full domain name (the last label is never a number), or an IP address as four decimal numbers, e.g. "http://127.0.0.1:8080".",
          "error origins[2] origins/numeric-last-label — Write the full domain name (the last label is never a number), or an IP address as four decimal numbers, e.g. "http://127.0.0.1:8080".",
          "error origins[3] origins/numeric-last-label — Write the full domain name (the last label is never a number), or an IP address as four decimal numbers, e.g. "http://127.0.0.1:8080".",
        ],
        "loads": false,
      }
    `);
  });

  it('xn-- labels that are not valid, round-tripping Punycode', () => {
    // xn--f does not decode; xn--9999999999 overflows; xn--a decodes to U+0080 and xn--a-ecp to "a⒈", which the URL standard refuses.
    expect(origins(['https://xn--f.example', 'https://xn--9999999999.example', 'https://*.xn--a.example', 'https://xn--a-ecp.example', 'https://app.XN--BCHER-KVA.example'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/invalid-punycode — Copy the host from the browser's address bar, or convert the Unicode name with an IDNA tool (bücher.example is "xn--bcher-kva.example").",
          "error origins[1] origins/invalid-punycode — Copy the host from the browser's address bar, or convert the Unicode name with an IDNA tool (bücher.example is "xn--bcher-kva.example").",
          "error origins[2] origins/invalid-punycode — Copy the host from the browser's address bar, or convert the Unicode name with an IDNA tool (bücher.example is "xn--bcher-kva.example").",
          "error origins[3] origins/invalid-punycode — Copy the host from the browser's address bar, or convert the Unicode name with an IDNA tool (bücher.example is "xn--bcher-kva.example").",
          "error origins[4] origins/not-lowercase — Write "https://app.xn--bcher-kva.example".",
        ],
        "loads": false,
      }
    `);
  });

  it('accepts Punycode hosts that round-trip, exact and as a pattern base', () => {
    expect(origins(['https://xn--bcher-kva.example', 'https://*.xn--bcher-kva.example', 'https://xn--ls8h.la:8443'], true)).toEqual({ findings: [], loads: true });
  });

  it('a trailing dot: refused as a distinct origin, not as unsendable', () => {
    const result = parsePolicy({ ...base, origins: ['https://example.com.', 'https://*.example.com.:*'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.hint])).toMatchInlineSnapshot(`
      [
        [
          "origins/trailing-dot",
          "Write "https://example.com". The dotted form would need its own entry, which policies do not accept.",
        ],
        [
          "origins/trailing-dot",
          "Write "https://*.example.com:*". The dotted form would need its own entry, which policies do not accept.",
        ],
      ]
    `);
    expect(result.issues[0]?.message).toContain('distinct origin from "https://example.com"');
    expect(result.issues[0]?.message).not.toMatch(/never|cannot/);
  });

  it('a pattern whose every matching host would exceed 253 characters', () => {
    const label = 'a'.repeat(62);
    const base251 = [label, label, label, label].join('.');
    const base252 = `b${base251}`;
    expect(base251).toHaveLength(251);
    expect(base252).toHaveLength(252);
    expect(origins([`https://*.${base251}`, `https://*.${base252}`]).findings).toEqual([
      expect.stringMatching(/^error origins\[1\] patterns\/base-too-long — /),
    ]);
  });

  it('plain-http origins with credentials: a warning, except for loopback', () => {
    expect(origins(['http://app.example.com', 'http://*.example.com', 'http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'http://app.localhost:3000'], true)).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning origins[0] origins/insecure-with-credentials — Use "https://app.example.com", or keep http only for loopback development origins.",
          "warning origins[1] origins/insecure-with-credentials — Use "https://*.example.com", or keep http only for loopback development origins.",
        ],
        "loads": true,
      }
    `);
  });

  it('repeated entries (a warning)', () => {
    expect(origins(['https://app.example.com', 'https://app.example.com'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning origins[1] policy/duplicate-entry — Remove the repeated entry.",
        ],
        "loads": true,
      }
    `);
  });

  it('non-web schemes (a warning)', () => {
    expect(origins(['chrome-extension://abcdefghijklmnop'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning origins[0] origins/unsupported-scheme — Make sure a browser extension or app really needs access; otherwise remove the entry.",
        ],
        "loads": true,
      }
    `);
  });

  it('reports every problem at once, each with its path, code and hint', () => {
    expect(
      lint({
        ...base,
        credentials: true,
        origins: ['*', 'null', 'file://', 'example.com', 'https://example.com/', 'https://example.com:443', 'https://Example.com', 'https://a.com,https://b.com', 'https://例え.jp', 'http://127.1'],
        routes: [{ path: '/x', origins: [] }],
      }),
    ).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/wildcard-with-credentials — List the exact origins that need cookies, or turn credentials off for a public API.",
          "error origins[0] origins/wildcard-mixed — Keep either "*" alone (public, no credentials) or only the specific origins.",
          "error origins[1] origins/null — Remove "null"; serve the calling page from a real origin and list that origin.",
          "error origins[2] origins/file-scheme — Serve the calling page over http(s) (e.g. http://localhost:3000) and list that origin.",
          "error origins[3] origins/missing-scheme — Write the full origin, e.g. "https://example.com".",
          "error origins[4] origins/not-an-origin — Write "https://example.com".",
          "error origins[5] origins/default-port — Write "https://example.com" (without ":443").",
          "error origins[6] origins/not-lowercase — Write "https://example.com".",
          "error origins[7] origins/comma-joined — Split it into separate entries: "https://a.com", "https://b.com".",
          "error origins[8] origins/unicode-host — Write the Punycode form "https://xn--r8jz45g.jp".",
          "error origins[9] origins/non-canonical-ip — Write "http://127.0.0.1".",
          "error routes[0].origins origins/empty — List the origins that may call this API, or mark the route \`disabled: true\`.",
        ],
        "loads": false,
      }
    `);
  });
});

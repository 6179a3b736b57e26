import { describe, expect, it } from 'vitest';
import { base, lint } from './helpers.js';

describe('methods a policy must refuse', () => {
  it('values that are not a single method token', () => {
    expect(lint({ ...base, methods: ['GET POST', 'GET,POST', '', 'PÜT'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error methods[0] methods/invalid-token — List each method as its own entry, e.g. ["GET", "POST"].",
          "error methods[1] methods/invalid-token — List each method as its own entry, e.g. ["GET", "POST"].",
          "error methods[2] methods/invalid-token — Use a method name such as "PUT" or "PATCH".",
          "error methods[3] methods/invalid-token — Use a method name such as "PUT" or "PATCH".",
        ],
        "loads": false,
      }
    `);
  });

  it('CONNECT, TRACE and TRACK in any case', () => {
    expect(lint({ ...base, methods: ['CONNECT', 'trace', 'Track'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error methods[0] methods/forbidden — Remove it.",
          "error methods[1] methods/forbidden — Remove it.",
          "error methods[2] methods/forbidden — Remove it.",
        ],
        "loads": false,
      }
    `);
  });

  it('a lower-case method browsers do not normalise (a warning)', () => {
    expect(lint({ ...base, methods: ['patch', 'get'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning methods[0] methods/not-uppercase — Write "PATCH".",
        ],
        "loads": true,
      }
    `);
  });
});

describe('allowed request headers a policy must refuse', () => {
  it('values that are not a header-name token', () => {
    expect(lint({ ...base, allowHeaders: ['Content-Type, Authorization', 'X Custom', ''] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error allowHeaders[0] headers/invalid-token — List each header name as its own entry, e.g. ["Content-Type", "Authorization"].",
          "error allowHeaders[1] headers/invalid-token — List each header name as its own entry, e.g. ["Content-Type", "Authorization"].",
          "error allowHeaders[2] headers/invalid-token — List each header name as its own entry, e.g. ["Content-Type", "Authorization"].",
        ],
        "loads": false,
      }
    `);
  });

  it("Fetch's forbidden request-header names", () => {
    expect(
      lint({
        ...base,
        allowHeaders: ['Cookie', 'Host', 'Origin', 'Content-Length', 'Access-Control-Request-Method', 'Access-Control-Request-Headers', 'Sec-Fetch-Mode', 'Proxy-Authorization', 'Referer', 'Connection'],
      }),
    ).toMatchInlineSnapshot(`
      {
        "findings": [
          "error allowHeaders[0] headers/forbidden-request-header — Remove it; cookies travel when \`credentials\` is true.",
          "error allowHeaders[1] headers/forbidden-request-header — Remove it.",
          "error allowHeaders[2] headers/forbidden-request-header — Remove it.",
          "error allowHeaders[3] headers/forbidden-request-header — Remove it.",
          "error allowHeaders[4] headers/forbidden-request-header — Remove it.",
          "error allowHeaders[5] headers/forbidden-request-header — Remove it.",
          "error allowHeaders[6] headers/forbidden-request-header — Remove it.",
          "error allowHeaders[7] headers/forbidden-request-header — Remove it.",
          "error allowHeaders[8] headers/forbidden-request-header — Remove it.",
          "error allowHeaders[9] headers/forbidden-request-header — Remove it.",
        ],
        "loads": false,
      }
    `);
  });

  it('response-only header names', () => {
    expect(lint({ ...base, allowHeaders: ['Access-Control-Allow-Origin', 'WWW-Authenticate', 'Access-Control-Max-Age'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error allowHeaders[0] headers/response-only — Remove it; to let pages read a response header, list it in \`exposeHeaders\`.",
          "error allowHeaders[1] headers/response-only — Remove it; to let pages read a response header, list it in \`exposeHeaders\`.",
          "error allowHeaders[2] headers/response-only — Remove it; to let pages read a response header, list it in \`exposeHeaders\`.",
        ],
        "loads": false,
      }
    `);
  });

  it('notes that "*" does not cover Authorization (info)', () => {
    expect(lint({ ...base, allowHeaders: ['*'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "info allowHeaders[0] headers/wildcard-excludes-authorization — Add "Authorization" if pages send it.",
        ],
        "loads": true,
      }
    `);
  });
});

describe('exposed headers a policy must refuse', () => {
  it('values that are not a header-name token', () => {
    expect(lint({ ...base, exposeHeaders: ['X-A X-B', 'X-A,X-B'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error exposeHeaders[0] expose/invalid-token — List each header name as its own entry.",
          "error exposeHeaders[1] expose/invalid-token — List each header name as its own entry.",
        ],
        "loads": false,
      }
    `);
  });

  it('Set-Cookie', () => {
    expect(lint({ ...base, exposeHeaders: ['Set-Cookie', 'set-cookie2'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error exposeHeaders[0] expose/set-cookie — Remove it; cookies are handled by the browser.",
          "error exposeHeaders[1] expose/set-cookie — Remove it; cookies are handled by the browser.",
        ],
        "loads": false,
      }
    `);
  });

  it('request-only names', () => {
    expect(lint({ ...base, exposeHeaders: ['Authorization', 'Cookie', 'Origin'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error exposeHeaders[0] expose/request-only — Remove it; to let pages send it, list it in \`allowHeaders\`.",
          "error exposeHeaders[1] expose/request-only — Remove it; to let pages send it, list it in \`allowHeaders\`.",
          "error exposeHeaders[2] expose/request-only — Remove it; to let pages send it, list it in \`allowHeaders\`.",
        ],
        "loads": false,
      }
    `);
  });

  it('the preflight\'s request headers: errors, since responses never carry them', () => {
    expect(lint({ ...base, exposeHeaders: ['Access-Control-Request-Method', 'access-control-request-headers', 'Access-Control-Request-Private-Network'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error exposeHeaders[0] expose/request-only — Remove it; to let pages send it, list it in \`allowHeaders\`.",
          "error exposeHeaders[1] expose/request-only — Remove it; to let pages send it, list it in \`allowHeaders\`.",
          "error exposeHeaders[2] expose/request-only — Remove it; to let pages send it, list it in \`allowHeaders\`.",
        ],
        "loads": false,
      }
    `);
  });

  it('preflight-only response headers: a warning, since Fetch does not forbid exposing them', () => {
    expect(lint({ ...base, exposeHeaders: ['Access-Control-Allow-Methods', 'access-control-allow-headers', 'Access-Control-Max-Age', 'Access-Control-Allow-Private-Network', 'Access-Control-Allow-Origin', 'X-Request-Id'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning exposeHeaders[0] expose/preflight-only — Remove it; the CORS layer already sends it on preflights, where the browser reads it.",
          "warning exposeHeaders[1] expose/preflight-only — Remove it; the CORS layer already sends it on preflights, where the browser reads it.",
          "warning exposeHeaders[2] expose/preflight-only — Remove it; the CORS layer already sends it on preflights, where the browser reads it.",
          "warning exposeHeaders[3] expose/preflight-only — Remove it; the CORS layer already sends it on preflights, where the browser reads it.",
        ],
        "loads": true,
      }
    `);
  });

  it('"*" with credentials', () => {
    expect(lint({ ...base, credentials: true, exposeHeaders: ['*'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error exposeHeaders[0] expose/wildcard-with-credentials — List the response headers pages need to read.",
        ],
        "loads": false,
      }
    `);
  });
});

describe('max-age a policy must refuse', () => {
  it.each([-1, 1.5, 86401])('%s is an error', (maxAge) => {
    const result = lint({ ...base, maxAge });
    expect(result.loads).toBe(false);
    expect(result.findings).toEqual([expect.stringMatching(/^error maxAge max-age\/invalid/)]);
  });

  it('non-numbers are errors', () => {
    expect(lint({ ...base, maxAge: '600' })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error maxAge policy/invalid-shape — Write a number without quotes.",
        ],
        "loads": false,
      }
    `);
    expect(lint({ ...base, maxAge: Number.NaN })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error maxAge policy/invalid-shape — Write a finite number, e.g. 600.",
        ],
        "loads": false,
      }
    `);
  });

  it("above Chromium's cap is a warning", () => {
    expect(lint({ ...base, maxAge: 7201 })).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning maxAge max-age/above-browser-cap — Use 7200 or less, or acknowledge the warning if Firefox's longer cache matters.",
        ],
        "loads": true,
      }
    `);
  });
});

describe('other settings a policy must refuse', () => {
  it('preflight statuses out of range', () => {
    expect(lint({ ...base, preflight: { refusedStatus: 200, successStatus: 302 } })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error preflight.refusedStatus preflight/invalid-status — Use 403 (the default) or another 4xx.",
          "error preflight.successStatus preflight/invalid-status — Use 204 (the default) or 200.",
        ],
        "loads": false,
      }
    `);
  });

  it('Private Network Access with "*", and PNA at all (deprecated warning)', () => {
    expect(lint({ ...base, origins: ['*'], privateNetwork: true })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error privateNetwork private-network/with-wildcard — List the exact origins allowed to reach the private network.",
          "warning privateNetwork private-network/deprecated — Keep it only if a public site must reach a device on users' private networks; acknowledge the warning to keep it.",
        ],
        "loads": false,
      }
    `);
    expect(lint({ ...base, privateNetwork: true })).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning privateNetwork private-network/deprecated — Keep it only if a public site must reach a device on users' private networks; acknowledge the warning to keep it.",
        ],
        "loads": true,
      }
    `);
  });

  it('a name that is not a slug', () => {
    expect(lint({ ...base, name: 'My API' })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error name policy/invalid-name — Use lower-case letters, digits and dashes, e.g. "my-api".",
        ],
        "loads": false,
      }
    `);
  });

  it('malformed and shadowed route paths', () => {
    expect(lint({ ...base, routes: [{ path: '/**' }, { path: 'public' }, { path: '/a/**/b' }, { path: '/a*' }, { path: '/x?y' }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error routes[1].path routes/invalid-path — Start with "/", use literal segments, "*" for one segment and a final "**" for any depth, e.g. "/public/**".",
          "warning routes[1].path routes/shadowed — Move the more specific rule before the general one, or remove it.",
          "error routes[2].path routes/invalid-path — Start with "/", use literal segments, "*" for one segment and a final "**" for any depth, e.g. "/public/**".",
          "warning routes[2].path routes/shadowed — Move the more specific rule before the general one, or remove it.",
          "error routes[3].path routes/invalid-path — Start with "/", use literal segments, "*" for one segment and a final "**" for any depth, e.g. "/public/**".",
          "warning routes[3].path routes/shadowed — Move the more specific rule before the general one, or remove it.",
          "error routes[4].path routes/invalid-path — Start with "/", use literal segments, "*" for one segment and a final "**" for any depth, e.g. "/public/**".",
          "warning routes[4].path routes/shadowed — Move the more specific rule before the general one, or remove it.",
        ],
        "loads": false,
      }
    `);
  });

  it('reports every problem of every kind at once', () => {
    expect(
      lint({ ...base, credentials: true, methods: ['TRACE', 'GET POST'], allowHeaders: ['Cookie', 'X A'], exposeHeaders: ['*', 'Set-Cookie'], maxAge: -5, routes: [{ path: '/p', methods: ['CONNECT'] }] }),
    ).toMatchInlineSnapshot(`
      {
        "findings": [
          "error methods[0] methods/forbidden — Remove it.",
          "error methods[1] methods/invalid-token — List each method as its own entry, e.g. ["GET", "POST"].",
          "error allowHeaders[0] headers/forbidden-request-header — Remove it; cookies travel when \`credentials\` is true.",
          "error allowHeaders[1] headers/invalid-token — List each header name as its own entry, e.g. ["Content-Type", "Authorization"].",
          "error exposeHeaders[0] expose/wildcard-with-credentials — List the response headers pages need to read.",
          "error exposeHeaders[1] expose/set-cookie — Remove it; cookies are handled by the browser.",
          "error maxAge max-age/invalid — Use whole seconds, e.g. 600 (10 minutes); 0 disables preflight caching.",
          "error routes[0].methods[0] methods/forbidden — Remove it.",
        ],
        "loads": false,
      }
    `);
  });
});

import { describe, expect, it } from 'vitest';
import { base, lint } from './helpers.js';

const origins = (list: string[], credentials = false) => lint({ ...base, origins: list, credentials });

describe('origin patterns a policy must refuse', () => {
  it('a bare wildcard host (https://*)', () => {
    expect(origins(['https://*', 'https://*:*'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] patterns/bare-wildcard — List the sites that may call you, or use ["*"] (without credentials) if the API is truly public.",
          "error origins[1] patterns/bare-wildcard — List the sites that may call you, or use ["*"] (without credentials) if the API is truly public.",
        ],
        "loads": false,
      }
    `);
  });

  it('a public suffix as base: an error with credentials', () => {
    expect(origins(['https://*.com', 'https://*.co.uk', 'https://*.github.io', 'https://*.vercel.app'], true)).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] patterns/public-suffix — Anchor the pattern on a domain you own, e.g. "https://*.your-domain.com".",
          "error origins[1] patterns/public-suffix — Anchor the pattern on a domain you own, e.g. "https://*.your-domain.co.uk".",
          "error origins[2] patterns/public-suffix — Anchor the pattern on a domain you own, e.g. "https://*.your-domain.github.io".",
          "error origins[3] patterns/public-suffix — Anchor the pattern on a domain you own, e.g. "https://*.your-domain.vercel.app".",
        ],
        "loads": false,
      }
    `);
  });

  it('a public suffix as base: a warning without credentials', () => {
    expect(origins(['https://*.com', 'https://*.github.io'], false)).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning origins[0] patterns/public-suffix — Anchor the pattern on a domain you own, e.g. "https://*.your-domain.com".",
          "warning origins[1] patterns/public-suffix — Anchor the pattern on a domain you own, e.g. "https://*.your-domain.github.io".",
        ],
        "loads": true,
      }
    `);
  });

  it('a wildcard that is not a whole leading label', () => {
    expect(origins(['https://api-*.example.com', 'https://*example.com', 'https://a*.example.com', 'https://app.*'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] patterns/wildcard-position — Use a whole leading label: "https://*.example.com".",
          "error origins[1] patterns/wildcard-position — Use a whole leading label: "https://*.example.com".",
          "error origins[2] patterns/wildcard-position — Use a whole leading label: "https://*.example.com".",
          "error origins[3] patterns/regex — List exact origins, or use a subdomain pattern such as "https://*.example.com".",
        ],
        "loads": false,
      }
    `);
  });

  it('several wildcards', () => {
    expect(origins(['https://**.example.com', 'https://*.a*.example.com', 'https://*.*.example.com'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] patterns/multiple-wildcards — Use one leading "*." — it already matches one or more labels ("https://*.example.com" matches a.b.example.com).",
          "error origins[1] patterns/multiple-wildcards — Use one leading "*." — it already matches one or more labels ("https://*.example.com" matches a.b.example.com).",
          "error origins[2] patterns/regex — List exact origins, or use a subdomain pattern such as "https://*.example.com".",
        ],
        "loads": false,
      }
    `);
  });

  it('a wildcard in the scheme', () => {
    expect(origins(['*://app.example.com', 'http*://app.example.com'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] patterns/scheme-wildcard — List the scheme explicitly, normally "https://app.example.com".",
          "error origins[1] patterns/scheme-wildcard — List the scheme explicitly, normally "https://app.example.com".",
        ],
        "loads": false,
      }
    `);
  });

  it('a wildcard on an IP address', () => {
    expect(origins(['http://*.0.0.1', 'http://*.127.0.0.1'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] patterns/ip-wildcard — List each IP origin exactly.",
          "error origins[1] patterns/ip-wildcard — List each IP origin exactly.",
        ],
        "loads": false,
      }
    `);
  });

  it('regular expressions written as origins', () => {
    expect(origins(['^https://.*\\.example\\.com$', 'https://.*.example.com', '/https:\\/\\/app\\.example\\.com/', 'https://(app|admin).example.com', 'https://app.example.com$'])).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] patterns/regex — List exact origins, or use a subdomain pattern such as "https://*.example.com".",
          "error origins[1] patterns/regex — List exact origins, or use a subdomain pattern such as "https://*.example.com".",
          "error origins[2] patterns/regex — List exact origins, or use a subdomain pattern such as "https://*.example.com".",
          "error origins[3] patterns/regex — List exact origins, or use a subdomain pattern such as "https://*.example.com".",
          "error origins[4] patterns/regex — List exact origins, or use a subdomain pattern such as "https://*.example.com".",
        ],
        "loads": false,
      }
    `);
  });

  it('a raw RegExp object (only strings are accepted)', () => {
    expect(lint({ ...base, origins: [/^https:\/\/app\.example\.com$/] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] policy/invalid-shape — Write a value of type string.",
        ],
        "loads": false,
      }
    `);
  });
});

import { definePolicy } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { buildLiveData, renderLivePage } from '../src/index.js';
import type { LiveCheck, LiveService } from '../src/index.js';
import { LIVE_SCRIPT } from '../src/site/live-script.js';

const policy = definePolicy({
  name: 'shop-api',
  origins: ['https://shop.example'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type'],
  routes: [{ path: '/public/**', origins: ['*'], credentials: false }],
  environments: { development: { origins: ['http://127.0.0.1:3000'] } },
});

const checks: LiveCheck[] = [
  { id: 'get', title: 'GET /api/items', method: 'GET', path: '/api/items', headers: {}, credentials: true },
  { id: 'put', title: 'PUT /api/items/1', method: 'PUT', path: '/api/items/1', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}', credentials: false },
  { id: 'public', title: 'GET /public/status', method: 'GET', path: '/public/status', headers: {}, credentials: false },
];
const services: LiveService[] = [
  { id: 'express', label: 'Express', url: 'http://127.0.0.1:4101' },
  { id: 'koa', label: 'Koa', url: 'http://127.0.0.1:4102' },
];

/** The JSON the page's script reads, parsed back out of the rendered body. */
function embeddedData(body: string): unknown {
  const match = /<script type="application\/json" data-live-data>([\s\S]*?)<\/script>/.exec(body);
  if (match?.[1] === undefined) throw new Error('no data element');
  return JSON.parse(match[1]);
}

describe('live page data', () => {
  it('predicts per listed origin with the environment overlay the services load', () => {
    const data = buildLiveData(policy, 'development', checks, services);
    expect(Object.keys(data.predictions)).toEqual(['http://127.0.0.1:3000', 'https://shop.example']);
    expect(data.predictions['http://127.0.0.1:3000']?.['get']?.allowed).toBe(true);
    expect(data.predictions['https://shop.example']?.['put']?.allowed).toBe(true);
  });

  it('predicts for an unlisted origin without naming an invented one, and is certain when the policy has no patterns', () => {
    const data = buildLiveData(policy, 'development', checks, services);
    expect(data.otherOrigin.certain).toBe(true);
    expect(Object.fromEntries(Object.entries(data.otherOrigin.predictions).map(([id, p]) => [id, p.allowed]))).toEqual({ get: false, put: false, public: true });
    for (const p of Object.values(data.otherOrigin.predictions)) {
      expect(p.summary).not.toContain('.invalid');
      expect(p.summary).toContain('an origin the policy does not list');
    }
  });

  it('leaves the production policy without the development origin', () => {
    const data = buildLiveData(policy, undefined, checks, services);
    expect(Object.keys(data.predictions)).toEqual(['https://shop.example']);
  });

  it('does not claim a prediction for unlisted origins when a subdomain pattern could match them', () => {
    const patterned = definePolicy({ name: 'p', origins: ['https://shop.example', 'https://*.shop.example'] });
    expect(buildLiveData(patterned, undefined, checks, services).otherOrigin.certain).toBe(false);
  });
});

describe('renderLivePage', () => {
  it('renders one row per check with one pending cell per service, and embeds the same data the model builds', () => {
    const { body, title } = renderLivePage({ policy, environment: 'development', checks, services, policyHref: '/policies/shop-api/' });
    expect(title).toBe('Live browser check');
    expect(body.match(/<tr data-check="/g)).toHaveLength(checks.length);
    expect(body.match(/<td data-service="/g)).toHaveLength(checks.length * services.length);
    expect(body).toContain('<th scope="col" data-service="koa">Koa');
    expect(body).toContain('href="/policies/shop-api/"');
    expect(embeddedData(body)).toEqual(JSON.parse(JSON.stringify(buildLiveData(policy, 'development', checks, services))));
  });

  it('escapes check titles and keeps a "</script>" in a request body from closing the data element', () => {
    const hostile: LiveCheck = { id: 'x"y', title: '<img src=x onerror=alert(1)>', method: 'POST', path: '/api/items', headers: {}, body: '</script><script>alert(1)</script>', credentials: false };
    const { body } = renderLivePage({ policy, checks: [hostile], services });
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('data-check="x&quot;y"');
    expect(body.match(/<\/script>/g)).toHaveLength(2);
    expect((embeddedData(body) as { checks: LiveCheck[] }).checks[0]?.body).toBe(hostile.body);
  });

  it('ships a script that parses as JavaScript and cannot end its own element early', () => {
    expect(() => new Function(LIVE_SCRIPT)).not.toThrow();
    expect(LIVE_SCRIPT.toLowerCase()).not.toContain('</script');
    expect(LIVE_SCRIPT).not.toContain('<!--');
  });
});

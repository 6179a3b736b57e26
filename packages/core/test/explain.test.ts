import { describe, expect, it } from 'vitest';
import { DecisionReason, definePolicy, describeReason, explain, explainDecision, type PolicyInput } from '../src/index.js';
import { actualFacts, preflightFacts } from './helpers.js';

const input = {
  name: 'storefront-api',
  origins: ['https://myapp.com', 'https://*.myapp.com'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
  routes: [
    { path: '/public/**', origins: ['*'], credentials: false, methods: ['GET'], allowHeaders: [] },
    { path: '/internal/**', disabled: true },
  ],
} satisfies PolicyInput;
const policy = definePolicy(input);

describe('explain() simulates the browser', () => {
  it('an allowed credentialed PUT: preflight, then the request', () => {
    const result = explain(policy, { origin: 'https://admin.myapp.com', method: 'PUT', path: '/api/items/1', headers: ['Content-Type', 'Authorization'], credentials: true });
    expect(result.allowed).toBe(true);
    expect(result.preflight.needed).toBe(true);
    expect(result.preflight.decision?.kind).toBe('preflight-allowed');
    expect(result.actual.kind).toBe('actual-allowed');
    expect({ summary: result.summary, steps: result.steps }).toMatchInlineSnapshot(`
      {
        "steps": [
          "The browser sends a preflight first, because PUT is not a CORS-safelisted method.",
          "Preflight (the top-level rules): allowed because the origin is listed in the policy or matched by one of its subdomain patterns.",
          "Request (the top-level rules): CORS headers sent because the origin is listed in the policy or matched by one of its subdomain patterns.",
          "The page can read the response, including X-Request-Id.",
        ],
        "summary": "Allowed: PUT /api/items/1 from https://admin.myapp.com with credentials.",
      }
    `);
  });

  it('a simple GET needs no preflight', () => {
    const result = explain(policy, { origin: 'https://myapp.com', path: '/api/items' });
    expect(result.preflight).toEqual({ needed: false, decision: undefined, facts: undefined });
    expect({ allowed: result.allowed, steps: result.steps }).toMatchInlineSnapshot(`
      {
        "allowed": true,
        "steps": [
          "No preflight: the method and headers are CORS-safelisted, so the browser sends the request directly.",
          "Request (the top-level rules): CORS headers sent because the origin is listed in the policy or matched by one of its subdomain patterns.",
          "The page can read the response, including X-Request-Id.",
        ],
      }
    `);
  });

  it('an unlisted origin is refused and the reason is named', () => {
    const result = explain(policy, { origin: 'https://myapp.com.evil.example', path: '/api/items', credentials: true });
    expect(result.actual.reason).toBe(DecisionReason.OriginNotAllowed);
    expect({ allowed: result.allowed, summary: result.summary, steps: result.steps }).toMatchInlineSnapshot(`
      {
        "allowed": false,
        "steps": [
          "No preflight: the method and headers are CORS-safelisted, so the browser sends the request directly.",
          "Request (the top-level rules): no CORS headers because the origin is not listed in the policy and matches none of its patterns.",
          "The server still runs the request, but the browser hides the response from the page.",
        ],
        "summary": "Refused: GET /api/items from https://myapp.com.evil.example with credentials — the origin is not listed in the policy and matches none of its patterns.",
      }
    `);
  });

  it('a refused preflight stops the browser before the request', () => {
    const result = explain(policy, { origin: 'https://myapp.com', method: 'PATCH', path: '/api/items/1' });
    expect({ allowed: result.allowed, summary: result.summary, steps: result.steps }).toMatchInlineSnapshot(`
      {
        "allowed": false,
        "steps": [
          "The browser sends a preflight first, because PATCH is not a CORS-safelisted method.",
          "Preflight (the top-level rules): refused because the method is not in the policy's methods.",
          "The browser never sends the request itself.",
        ],
        "summary": "Refused: PATCH /api/items/1 from https://myapp.com — the method is not in the policy's methods.",
      }
    `);
  });

  it('a method the policy omits is refused on the actual request too, and explain says why', () => {
    const result = explain(policy, { origin: 'https://anyone.example', method: 'POST', path: '/public/feedback' });
    expect(result.actual.reason).toBe(DecisionReason.MethodNotAllowed);
    expect({ allowed: result.allowed, summary: result.summary, steps: result.steps }).toMatchInlineSnapshot(`
      {
        "allowed": false,
        "steps": [
          "No preflight: the method and headers are CORS-safelisted, so the browser sends the request directly.",
          "Request (route rule #1 /public/**): no CORS headers because the method is not in the policy's methods.",
          "The server still runs the request, but the browser hides the response from the page.",
        ],
        "summary": "Refused: POST /public/feedback from https://anyone.example — the method is not in the policy's methods.",
      }
    `);
  });

  it('a "*" route read with credentials is refused by the browser even though the server sends ACAO: *', () => {
    const result = explain(policy, { origin: 'https://anyone.example', path: '/public/status', credentials: true });
    expect(result.actual.kind).toBe('actual-allowed');
    expect({ allowed: result.allowed, summary: result.summary, steps: result.steps }).toMatchInlineSnapshot(`
      {
        "allowed": false,
        "steps": [
          "No preflight: the method and headers are CORS-safelisted, so the browser sends the request directly.",
          "Request (route rule #1 /public/**): CORS headers sent because the policy allows any origin ("*") without credentials.",
          "The server still runs the request, but the browser hides the response from the page: Access-Control-Allow-Origin is "*", which browsers refuse for credentialed requests.",
        ],
        "summary": "Refused: GET /public/status from https://anyone.example with credentials — Access-Control-Allow-Origin is "*", which browsers refuse for credentialed requests.",
      }
    `);
  });

  it('Authorization is not covered by "*" in allowHeaders', () => {
    const star = definePolicy({ name: 'star-headers', origins: ['https://myapp.com'], allowHeaders: ['*'] });
    const result = explain(star, { origin: 'https://myapp.com', headers: ['X-Trace', 'Authorization'] });
    expect({ allowed: result.allowed, summary: result.summary, steps: result.steps }).toMatchInlineSnapshot(`
      {
        "allowed": false,
        "steps": [
          "The browser sends a preflight first, because the page sets authorization, x-trace.",
          "Preflight (the top-level rules): refused because a requested header is not in the policy's allowed headers ("*" never covers Authorization).",
          "The browser never sends the request itself.",
        ],
        "summary": "Refused: GET / from https://myapp.com — a requested header is not in the policy's allowed headers ("*" never covers Authorization).",
      }
    `);
  });

  it('a method that is not a token is never allowed (browsers refuse to send it), even if it upper-cases to one', () => {
    // U+017F (long s) upper-cases to S in JavaScript; Fetch normalises methods by ASCII byte-case only.
    const result = explain(policy, { origin: 'https://myapp.com', method: 'po\u017Ft', path: '/api/items' });
    expect(result.allowed).toBe(false);
  });

  it('Origin: null is refused', () => {
    expect(explain(policy, { origin: 'null', path: '/api/items' }).summary).toMatchInlineSnapshot(`"Refused: GET /api/items from null — the origin is "null" (sandboxed iframe, file: page or redirect), which is never trusted."`);
  });

  it('a disabled route is refused', () => {
    expect(explain(policy, { origin: 'https://myapp.com', path: '/internal/metrics' }).summary).toMatchInlineSnapshot(`"Refused: GET /internal/metrics from https://myapp.com — a route rule switches CORS off for this path."`);
  });

  it('a request without Origin is not a CORS request', () => {
    const result = explain(policy, { path: '/api/items' });
    expect({ allowed: result.allowed, summary: result.summary, steps: result.steps }).toMatchInlineSnapshot(`
      {
        "allowed": true,
        "steps": [
          "No Origin: a same-origin or non-browser request. CORS does not apply; the app answers as usual.",
        ],
        "summary": "Not a CORS request: GET /api/items.",
      }
    `);
  });
});

describe('explainDecision() puts one raw decision into words', () => {
  it('for an allowed preflight', () => {
    const result = explainDecision(policy, preflightFacts('https://myapp.com', 'DELETE', { path: '/api/items/1' }));
    expect(result.decision.kind).toBe('preflight-allowed');
    expect(result.steps).toMatchInlineSnapshot(`
      [
        "OPTIONS /api/items/1 from https://myapp.com is governed by the top-level rules.",
        "Decision: preflight-allowed because the origin is listed in the policy or matched by one of its subdomain patterns.",
        "Headers sent: Access-Control-Allow-Origin: https://myapp.com; Access-Control-Allow-Credentials: true; Access-Control-Allow-Methods: DELETE; Access-Control-Max-Age: 600.",
        "Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers.",
      ]
    `);
  });

  it('for a refused actual request', () => {
    expect(explainDecision(policy, actualFacts('https://evil.example', 'GET', '/api/items')).steps).toMatchInlineSnapshot(`
      [
        "GET /api/items from https://evil.example is governed by the top-level rules.",
        "Decision: actual-refused because the origin is not listed in the policy and matches none of its patterns.",
        "Vary: Origin.",
      ]
    `);
  });
});

describe('describeReason()', () => {
  it('has words for every reason', () => {
    for (const reason of Object.values(DecisionReason)) expect(describeReason(reason)).toMatch(/^[a-zA-Z"(].{20,}/);
  });
});

import { definePolicy, type PolicyInput } from '@org/cors-core';

/**
 * The storefront API: called from the shop and the admin console with the user's session cookie,
 * plus a public, read-only status route any site may read.
 */
export const apiPolicyInput = {
  name: 'storefront-api',
  description: 'The storefront REST API, called by the shop and the admin console with the user\'s session cookie.',
  owners: ['platform-team', 'security@myapp.com'],
  origins: ['https://myapp.com', 'https://admin.myapp.com'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
  routes: [
    {
      path: '/public/**',
      description: 'Service status and public catalogue: readable by any site, never with cookies.',
      origins: ['*'],
      credentials: false,
      methods: ['GET', 'HEAD'],
      allowHeaders: [],
    },
    {
      path: '/internal/**',
      description: 'Health checks and metrics for the platform only: no browser access.',
      disabled: true,
    },
  ],
  environments: {
    development: {
      description: 'Local development: the shop\'s dev server and the example services\' pages.',
      developmentOnly: true,
      origins: ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://127.0.0.1:4000'],
    },
  },
  expectations: [
    { description: 'The admin console may update items with a bearer token and the session cookie.', request: { origin: 'https://admin.myapp.com', method: 'PUT', path: '/api/items/1', headers: ['Content-Type', 'Authorization'], credentials: true }, allowed: true },
    { description: 'Unknown sites cannot read the API.', request: { origin: 'https://evil.example', path: '/api/items' }, allowed: false },
    { description: 'Look-alike domains are not the shop.', request: { origin: 'https://myapp.com.evil.example', path: '/api/items', credentials: true }, allowed: false },
    { description: 'Sandboxed iframes (Origin: null) are never trusted.', request: { origin: 'null', path: '/api/items', credentials: true }, allowed: false },
    { description: 'Any site may read the public status, without cookies.', request: { origin: 'https://status-widget.example', path: '/public/status' }, allowed: true },
    { description: 'Internal endpoints are never readable cross-origin.', request: { origin: 'https://myapp.com', path: '/internal/metrics', credentials: true }, allowed: false },
    { description: 'The local dev server works in development only.', environment: 'development', request: { origin: 'http://localhost:3000', path: '/api/items', credentials: true }, allowed: true },
    { description: 'The local dev server is refused in production.', request: { origin: 'http://localhost:3000', path: '/api/items', credentials: true }, allowed: false },
  ],
} satisfies PolicyInput;

/** The storefront API policy as enforced in production. */
export const apiPolicy = definePolicy(apiPolicyInput);

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
      origins: ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://127.0.0.1:4000'],
    },
  },
} satisfies PolicyInput;

/** The storefront API policy as enforced in production. */
export const apiPolicy = definePolicy(apiPolicyInput);

import type { PolicyInput } from '@org/cors-core';

/** The policy the adapter tests run under: credentials, a preflighted method, an open public route. */
export const itemsPolicy = {
  name: 'items-api',
  origins: ['https://app.example.com'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
  routes: [{ path: '/public/**', origins: ['*'], credentials: false, methods: ['GET'] }],
} satisfies PolicyInput;

/** Three independent mistakes: load errors must name every one of them. */
export const badPolicy = {
  name: 'items-api',
  origins: ['*'],
  credentials: true,
  methods: ['GET', 'TRACE'],
  maxAge: -1,
} satisfies PolicyInput;

export const preflight = (origin: string, method: string, headers?: string): RequestInit => ({
  method: 'OPTIONS',
  headers: {
    origin,
    'access-control-request-method': method,
    ...(headers === undefined ? {} : { 'access-control-request-headers': headers }),
  },
});

/** Names of the `Access-Control-*` headers a response carries. */
export const corsHeaderNames = (response: Response): string[] =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

export const varyTokens = (response: Response): string[] =>
  (response.headers.get('vary') ?? '').split(',').map((token) => token.trim()).filter(Boolean);

import type { PolicyInput } from '@org/cors-core';

/*
 * Policies for adapters' own tests (the vectors bring theirs): one to serve, one that must not load.
 */

/** Credentials, a preflighted method (`PUT`), an exposed header, and an open read-only `/public/**`. */
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

/**
 * Three independent mistakes (`*` with credentials, the forbidden `TRACE`, a negative `maxAge`):
 * the load error must name every one of them.
 */
export const badPolicy = {
  name: 'items-api',
  origins: ['*'],
  credentials: true,
  methods: ['GET', 'TRACE'],
  maxAge: -1,
} satisfies PolicyInput;

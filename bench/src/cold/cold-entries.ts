import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS } from '../shared/bench-rules.js';

/*
 * The script each cold-start sample runs in a fresh `node` process. Everything the contender's host
 * needs anyway (Hono, Koa) is imported before the clock starts; the clock then covers importing the
 * CORS package, reading its configuration (a JSON file: the compiled policy, the policy input, or the
 * middleware's options) and building the middleware, mounted where the host has an app. The script
 * prints the milliseconds as JSON on stdout.
 */

export type ColdContender = 'ours cors-fetch' | 'ours authoring' | 'hono/cors' | 'cors' | '@koa/cors';
export const COLD_CONTENDERS: readonly ColdContender[] = ['ours cors-fetch', 'ours authoring', 'hono/cors', 'cors', '@koa/cors'];

/** The options every anchor is built from, origins apart. */
export function anchorOptions(origins: readonly string[]): Record<string, unknown> {
  return { origins, credentials: CREDENTIALS, methods: METHODS, allowHeaders: ALLOW_HEADERS, exposeHeaders: EXPOSE_HEADERS, maxAge: MAX_AGE };
}

const PRELUDE = `import { readFileSync } from 'node:fs';
const dataFile = process.argv[2];
`;
const START = `const t0 = performance.now();
const data = JSON.parse(readFileSync(dataFile, 'utf8'));
`;
const STOP = `const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms }));
`;

/** The module source of one contender's cold-start script (an .mjs under bench/, so packages resolve). */
export function coldEntry(contender: ColdContender): string {
  switch (contender) {
    case 'ours cors-fetch':
      // @org/cors-fetch's Hono middleware, given the compiled policy, on a Hono app like hono/cors.
      return `${PRELUDE}import { Hono } from 'hono';
const app = new Hono();
${START}const { cors } = await import('@org/cors-fetch');
app.use(cors(data));
app.get('/api/items', (c) => c.json({ items: [] }));
${STOP}`;
    case 'ours authoring':
      return `${PRELUDE}${START}const { definePolicy } = await import('@org/cors-core');
const policy = definePolicy(data);
${STOP}if (policy === undefined) process.exit(3);\n`;
    case 'hono/cors':
      return `${PRELUDE}import { Hono } from 'hono';
const app = new Hono();
${START}const { cors } = await import('hono/cors');
app.use(cors({ origin: data.origins, credentials: data.credentials, allowMethods: data.methods, allowHeaders: data.allowHeaders, exposeHeaders: data.exposeHeaders, maxAge: data.maxAge }));
app.get('/api/items', (c) => c.json({ items: [] }));
${STOP}`;
    case 'cors':
      return `${PRELUDE}${START}const { default: cors } = await import('cors');
const middleware = cors({ origin: data.origins, credentials: data.credentials, methods: data.methods, allowedHeaders: data.allowHeaders, exposedHeaders: data.exposeHeaders, maxAge: data.maxAge });
${STOP}if (typeof middleware !== 'function') process.exit(3);\n`;
    case '@koa/cors':
      // @koa/cors takes one origin or a function: an allow-list is a Set behind a function.
      return `${PRELUDE}import Koa from 'koa';
const app = new Koa();
${START}const { default: koaCors } = await import('@koa/cors');
const allowed = new Set(data.origins);
app.use(koaCors({ origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''), credentials: data.credentials, allowMethods: data.methods, allowHeaders: data.allowHeaders, exposeHeaders: data.exposeHeaders, maxAge: data.maxAge }));
${STOP}`;
  }
}

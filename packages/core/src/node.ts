/*
 * `@org/cors-core/node`: the runtime entry plus how a Node host (Express, Koa, Nest) takes its policy,
 * in one file (a Node adapter imports this entry only). Compiled data and loaded policies take the
 * runtime path, so a service that ships either never loads zod or the public-suffix list. Raw policy
 * input still gets the full validation at boot: the authoring build is loaded then, and only then.
 */
import { createRequire } from 'node:module';
import type { CompiledCorsPolicy } from './compiled-data.js';
import type { PolicyInput } from './policy-schema.js';
import type { CorsPolicy } from './policy.js';
import { isCompiledPolicyData, isRuntimePolicy, toRuntimePolicy, type RuntimeCorsPolicy } from './runtime-policy.js';
import type { toPolicy } from './to-policy.js';

/**
 * Everything a Node adapter accepts as its policy: a policy from `definePolicy`, one from
 * `loadCompiledPolicy`, compiled data (`compilePolicy()`, `cors-policy compile`), or raw policy input
 * (validated at boot).
 */
export type CorsPolicySource = CorsPolicy | RuntimeCorsPolicy | CompiledCorsPolicy | PolicyInput;

/**
 * Loads what a Node adapter was given, optionally switched to an environment overlay. Loaded
 * policies and compiled data take the lean path (no validator). Raw input — a plain object such as
 * an imported `cors.policy.json` — is validated with `definePolicy` from the authoring build, so a
 * bad one throws `CorsPolicyError` listing every issue while the app boots.
 *
 * @example
 * import { loadPolicyInNode } from '@org/cors-core/node';
 * const policy = loadPolicyInNode(compiled, process.env.APP_ENV);
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/express.md
 */
export function loadPolicyInNode(value: CorsPolicySource, environment?: string): RuntimeCorsPolicy {
  if (isRuntimePolicy(value) || isCompiledPolicyData(value)) return toRuntimePolicy(value, environment);
  return authoring().toPolicy(value as PolicyInput, { environment });
}

/**
 * The authoring build, loaded on first need: its CommonJS copy, so loading stays synchronous (adapters
 * are constructed synchronously). Both builds of this file sit next to `index.cjs` in `dist/`; the CJS
 * one knows its path as `__filename` (tsup's `import.meta.url` shim mangles paths holding `#` or `%`).
 */
function authoring(): { toPolicy: typeof toPolicy } {
  const here = typeof __filename === 'string' ? __filename : import.meta.url;
  return createRequire(here)('./index.cjs') as { toPolicy: typeof toPolicy };
}

export * from './runtime.js';

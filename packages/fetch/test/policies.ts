import { itemsPolicy } from '@org/cors-conformance';
import { compilePolicy, definePolicy, type CompiledCorsPolicy } from '@org/cors-core';

/** itemsPolicy plus a `staging` overlay that adds one origin. */
export const itemsInput = { ...itemsPolicy, environments: { staging: { origins: ['https://staging.example.com'] } } };

/** The policy from definePolicy (a CorsPolicy). */
export const defined = definePolicy(itemsInput);

/** The same policy as a build step writes it: compiled, through JSON. */
export const compiledData = (): CompiledCorsPolicy => JSON.parse(JSON.stringify(compilePolicy(defined))) as CompiledCorsPolicy;

export const allowed = 'https://app.example.com';

/** Tokens of a response's Vary header, in order. */
export const varyTokens = (response: Response): string[] =>
  (response.headers.get('vary') ?? '').split(',').map((token) => token.trim()).filter(Boolean);

/** Names of the Access-Control-* headers a response carries. */
export const corsHeaderNames = (response: Response): string[] =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

import { itemsPolicy } from '@org/cors-conformance';
import { compilePolicy, definePolicy, type CompiledCorsPolicy, type PolicyInput } from '@org/cors-core';

/** itemsPolicy loaded with definePolicy (a CorsPolicy). */
export const items = definePolicy(itemsPolicy);

/** A policy as `cors-policy compile` ships it: compiled, through JSON (never validated at run time). */
export const compiled = (input: PolicyInput = itemsPolicy): CompiledCorsPolicy =>
  JSON.parse(JSON.stringify(compilePolicy(definePolicy(input)))) as CompiledCorsPolicy;

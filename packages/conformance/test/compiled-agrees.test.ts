import { compilePolicy, definePolicy, loadCompiledPolicy, requestFacts, resolveCors } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { vectors } from '../src/index.js';

/*
 * The runtime entry enforces compiled data; authoring enforces the policy it just validated. Every
 * conformance request must get the same decision from both — status, headers, Vary, reason — and
 * the compiled data must survive JSON, as a build step writes it.
 */
describe('the compiled policy decides exactly as the authoring policy', () => {
  it.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
    const authoring = definePolicy(vector.policy, { environment: vector.environment });
    const compiled = loadCompiledPolicy(JSON.parse(JSON.stringify(compilePolicy(authoring))) as unknown);
    expect(compiled.environment).toBe(authoring.environment);
    const header = (name: string) => {
      const value = Object.entries(vector.request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
      return value;
    };
    const facts = requestFacts(vector.request.method, vector.request.path, header);
    expect(resolveCors(compiled, facts)).toStrictEqual(resolveCors(authoring, facts));
  });
});

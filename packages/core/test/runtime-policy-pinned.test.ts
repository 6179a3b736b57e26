import { describe, expect, it } from 'vitest';
import { compilePolicy, definePolicy, type PolicyInput } from '../src/index.js';
import { loadCompiledPolicy, resolveCors, toRuntimePolicy, type CompiledCorsPolicy } from '../src/runtime.js';
import { preflightFacts } from './helpers.js';

/*
 * The loader and toRuntimePolicy as an adapter meets them: which values are taken, which are refused
 * with the message that says how to load a policy, and the preflight Vary each variant is built with.
 */

const APP = 'https://app.example.com';
const NOT_LOADED = /Expected a loaded CORS policy/;
const input = { name: 'api', origins: [APP], methods: ['PUT'], environments: { staging: { origins: ['https://staging.example.com'] } } } satisfies PolicyInput;
const asJson = (data: CompiledCorsPolicy): CompiledCorsPolicy => JSON.parse(JSON.stringify(data)) as CompiledCorsPolicy;

describe('toRuntimePolicy refuses what is neither a loaded policy nor compiled data', () => {
  it.each([
    ['null', null], ['undefined', undefined], ['a string', 'cors-policy/compiled@1'], ['a number', 1], ['an object with a numeric format', { format: 1 }],
    ['an object with another format', { format: 'openapi@3' }],
  ])('%s, with the message that says how to load one', (_name, value) => {
    expect(() => toRuntimePolicy(value)).toThrow(TypeError);
    expect(() => toRuntimePolicy(value)).toThrow(NOT_LOADED);
  });

  it('hands compiled data of another version to the loader, which names the format it expects', () => {
    expect(() => toRuntimePolicy({ format: 'cors-policy/compiled@99' })).toThrow(/format must be "cors-policy\/compiled@2" \(data from an older or newer compiler: compile it again.*Compile it again with `cors-policy compile`/);
  });
});

describe('toRuntimePolicy and environments', () => {
  it('keeps the environment compiled data was compiled with when none is asked for', () => {
    const data = asJson(compilePolicy(definePolicy(input, { environment: 'staging' })));
    const policy = toRuntimePolicy(data);
    expect(policy.environment).toBe('staging');
    expect(resolveCors(policy, preflightFacts('https://staging.example.com', 'PUT')).kind).toBe('preflight-allowed');
  });

  it('returns a policy already in the asked environment as it is', () => {
    const staging = definePolicy(input, { environment: 'staging' });
    expect(toRuntimePolicy(staging, 'staging')).toBe(staging);
    const loaded = loadCompiledPolicy(asJson(compilePolicy(staging)));
    expect(toRuntimePolicy(loaded, 'staging')).toBe(loaded);
  });
});

describe('the preflight Vary a compiled policy is built with', () => {
  const vary = (extra: Partial<PolicyInput>, path = '/') =>
    resolveCors(loadCompiledPolicy(asJson(compilePolicy(definePolicy({ name: 'v', origins: [APP], methods: ['PUT'], ...extra })))), preflightFacts(APP, 'PUT', { path })).vary;
  const BASE = ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'];

  it('adds Access-Control-Request-Private-Network when the top-level rules or any route opt in', () => {
    expect(vary({})).toEqual(BASE);
    expect(vary({ privateNetwork: true })).toEqual([...BASE, 'Access-Control-Request-Private-Network']);
    expect(vary({ routes: [{ path: '/lan/**', privateNetwork: true }] })).toEqual([...BASE, 'Access-Control-Request-Private-Network']);
    expect(vary({ routes: [{ path: '/lan/**', privateNetwork: true }] }, '/lan/x')).toEqual([...BASE, 'Access-Control-Request-Private-Network']);
  });

  it('is empty when the policy turns preflight Vary off', () => {
    expect(vary({ preflight: { vary: false } })).toEqual([]);
  });
});

describe('what a loaded policy shows and what toRuntimePolicy keeps', () => {
  it('returns a loaded policy as it is when no environment is asked for, overlay included', () => {
    const staging = definePolicy(input, { environment: 'staging' });
    expect(toRuntimePolicy(staging)).toBe(staging);
    const loaded = loadCompiledPolicy(asJson(compilePolicy(definePolicy(input))), { environment: 'staging' });
    expect(toRuntimePolicy(loaded)).toBe(loaded);
    expect(toRuntimePolicy(loaded).environment).toBe('staging');
  });

  it('keeps its compiled form hidden: a spread copy has only the public fields and is not a policy', () => {
    const loaded = loadCompiledPolicy(asJson(compilePolicy(definePolicy(input))));
    const copy = { ...loaded };
    expect(Reflect.ownKeys(copy)).toEqual(['name', 'environment', 'environments']);
    expect(() => toRuntimePolicy(copy)).toThrow(NOT_LOADED);
  });

  it('says that a plain policy object is not validated by the runtime', () => {
    expect(() => toRuntimePolicy({ name: 'api', origins: [APP] })).toThrow(/A plain policy object is not validated here/);
  });
});

import { itemsPolicy, preflightInit } from '@org/cors-conformance';
import { CorsPolicyError } from '@org/cors-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleCors, withCors, type CorsPolicySource } from '../src/index.js';
import { loadPolicy } from '../src/load-policy.js';
import { allowed, compiledData, corsHeaderNames, defined, itemsInput, varyTokens } from './policies.js';

const request = (path: string, init: RequestInit = { headers: { origin: allowed } }) => new Request(`http://127.0.0.1${path}`, init);
const forms = [
  ['definePolicy', defined],
  ['compiled data', compiledData()],
] as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(forms)('handleCors with a policy from %s', (_form, policy: CorsPolicySource) => {
  it('answers an allowed preflight itself without calling next', async () => {
    const next = vi.fn(() => new Response('app'));
    const res = await handleCors(policy, request('/api/items', preflightInit(allowed, 'PUT', 'content-type')), next);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(varyTokens(res)).toEqual(['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers']);
    expect(next).not.toHaveBeenCalled();
  });

  it('refuses a preflight from an unlisted origin with 403 and no CORS headers', async () => {
    const res = await handleCors(policy, request('/api/items', preflightInit('https://evil.example', 'PUT')), () => new Response('app'));
    expect(res.status).toBe(403);
    expect(corsHeaderNames(res)).toEqual([]);
  });

  it("writes the headers onto next's response and appends Origin to its Vary", async () => {
    const res = await handleCors(policy, request('/api/items'), () => new Response('app', { headers: { vary: 'Accept-Encoding' } }));
    expect(await res.text()).toBe('app');
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
    expect(varyTokens(res)).toEqual(['Accept-Encoding', 'Origin']);
  });

  it('applies the environment overlay it is asked for', async () => {
    const staging = request('/api/items', { headers: { origin: 'https://staging.example.com' } });
    const base = await handleCors(policy, staging, () => new Response('app'));
    expect(base.headers.get('access-control-allow-origin')).toBeNull();
    const overlay = await handleCors(policy, staging.clone(), () => new Response('app'), { environment: 'staging' });
    expect(overlay.headers.get('access-control-allow-origin')).toBe('https://staging.example.com');
  });
});

describe('handleCors when next throws', () => {
  it('answers 500 with the CORS headers and logs the error with console.error', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = new Error('session store down');
    const res = await handleCors(defined, request('/api/items'), () => {
      throw failure;
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(varyTokens(res)).toEqual(['Origin']);
    expect(logged).toHaveBeenCalledExactlyOnceWith(failure);
  });

  it('rethrows an error the rethrow hook claims, untouched and unlogged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/login;307;' });
    const rethrow = (error: unknown) => typeof (error as { digest?: unknown }).digest === 'string';
    await expect(handleCors(defined, request('/api/items'), () => Promise.reject(redirect), { rethrow })).rejects.toBe(redirect);
    const other = await handleCors(defined, request('/api/items'), () => Promise.reject(new Error('db')), { rethrow });
    expect(other.status).toBe(500);
    expect(logged).toHaveBeenCalledOnce();
  });
});

describe('handleCors with responses it cannot write to', () => {
  it('copies a response whose headers are immutable (Response.redirect) before adding CORS headers', async () => {
    const res = await handleCors(defined, request('/api/items'), () => Response.redirect('http://127.0.0.1/elsewhere', 307));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://127.0.0.1/elsewhere');
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
  });
});

describe('policy arguments', () => {
  it('refuses raw policy input with a TypeError that says how to load it', async () => {
    const raw = itemsPolicy as unknown as CorsPolicySource;
    expect(() => withCors(raw, () => new Response())).toThrow(TypeError);
    expect(() => withCors(raw, () => new Response())).toThrow(/definePolicy\(input\) from @org\/cors-core.*cors-policy compile/);
    await expect(handleCors(raw, request('/api/items'), () => new Response())).rejects.toThrow(TypeError);
  });

  it('names the known environments when asked for one the policy lacks', () => {
    expect(() => withCors(compiledData(), () => new Response(), { environment: 'prod' })).toThrow(CorsPolicyError);
    expect(() => withCors(defined, () => new Response(), { environment: 'prod' })).toThrow(/staging/);
  });

  it('loads the same compiled data once per environment, however many requests pass it', () => {
    const data = compiledData();
    expect(loadPolicy(data, undefined)).toBe(loadPolicy(data, undefined));
    expect(loadPolicy(data, 'staging')).toBe(loadPolicy(data, 'staging'));
    expect(loadPolicy(data, 'staging').environment).toBe('staging');
    expect(loadPolicy(defined, undefined)).toBe(defined);
  });

  it('accepts each policy form in its types, and not raw input', () => {
    const fromJson: CorsPolicySource = compiledData();
    const fromDefine: CorsPolicySource = defined;
    // @ts-expect-error raw policy input is not a policy source: it must be validated first
    const raw: CorsPolicySource = itemsInput;
    expect([fromJson, fromDefine, raw]).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { compilePolicy, definePolicy } from '../src/index.js';
import { loadCompiledPolicy, type CompiledCorsPolicy } from '../src/runtime.js';

/*
 * loadCompiledPolicy's shape check, field by field and at each bound: compiled data edited by hand,
 * truncated or from another version is refused with a TypeError naming the field, and every value the
 * compiler itself can emit at a bound still loads.
 */

const input = {
  name: 'shape',
  origins: ['https://app.example.com', 'https://*.tenant.example.com', 'http://[::1]:*'],
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type'],
  maxAge: 600,
  routes: [{ path: '/public/**', origins: ['*'] }],
  environments: { staging: { origins: ['https://staging.example.com'] } },
};
const fresh = (): Record<string, any> => JSON.parse(JSON.stringify(compilePolicy(definePolicy(input)))) as Record<string, any>;
const edited = (edit: (data: Record<string, any>) => void): Record<string, any> => {
  const data = fresh();
  edit(data);
  return data;
};

describe('loadCompiledPolicy refuses, naming the field', () => {
  it.each([
    ['an empty name', (d: any) => (d.name = ''), /name must be a non-empty string/],
    ['a numeric name', (d: any) => (d.name = 5), /name must be a non-empty string/],
    ['rules that are an array', (d: any) => (d.base.rules = []), /base\.rules must be an object/],
    ['a missing preflight', (d: any) => delete d.base.preflight, /base\.preflight must be an object/],
    ['origins that are a string', (d: any) => (d.base.rules.origins = 'https://app.example.com'), /base\.rules\.origins must be an array/],
    ['an origin wrapped in an array (a string when coerced)', (d: any) => (d.base.rules.origins[0] = ['https://app.example.com']), /base\.rules\.origins\[0\] must be a serialised origin/],
    ['an upper-case origin scheme', (d: any) => (d.base.rules.origins[0] = 'HTTPS://app.example.com'), /base\.rules\.origins\[0\] must be a serialised origin/],
    ['an origin led by a space', (d: any) => (d.base.rules.origins[0] = ' https://app.example.com'), /base\.rules\.origins\[0\]/],
    ['an origin with a wildcard', (d: any) => (d.base.rules.origins[0] = 'https://*.example.com'), /base\.rules\.origins\[0\]/],
    ['an origin with whitespace inside', (d: any) => (d.base.rules.origins[0] = 'https://app .example.com'), /base\.rules\.origins\[0\]/],
    ['an origin without a host', (d: any) => (d.base.rules.origins[0] = 'https://'), /base\.rules\.origins\[0\]/],
    ['an origin without a scheme', (d: any) => (d.base.rules.origins[0] = '://app.example.com'), /base\.rules\.origins\[0\]/],
    ['an origin over the length cap', (d: any) => (d.base.rules.origins[0] = `https://${'a'.repeat(1017)}`), /base\.rules\.origins\[0\]/],
    ['a pattern that is not an object', (d: any) => (d.base.rules.patterns[0] = 'https://*.tenant.example.com'), /base\.rules\.patterns\[0\] must be a parsed origin pattern/],
    ['a pattern with an upper-case scheme', (d: any) => (d.base.rules.patterns[0].scheme = 'HTTPS'), /patterns\[0\]/],
    ['a pattern scheme with a suffix', (d: any) => (d.base.rules.patterns[0].scheme = 'https://'), /patterns\[0\]/],
    ['a pattern scheme led by a digit', (d: any) => (d.base.rules.patterns[0].scheme = '1https'), /patterns\[0\]/],
    ['a pattern host with a slash', (d: any) => (d.base.rules.patterns[0].host = 'tenant.example.com/x'), /patterns\[0\]/],
    ['a pattern host with a port', (d: any) => (d.base.rules.patterns[0].host = 'tenant.example.com:1'), /patterns\[0\]/],
    ['a pattern host with a space', (d: any) => (d.base.rules.patterns[0].host = 'tenant example.com'), /patterns\[0\]/],
    ['an empty pattern host', (d: any) => (d.base.rules.patterns[0].host = ''), /patterns\[0\]/],
    ['a numeric pattern host', (d: any) => (d.base.rules.patterns[0].host = 5), /patterns\[0\]/],
    ['a bracketed host that is not an address', (d: any) => (d.base.rules.patterns[1].host = '[::g]'), /patterns\[1\]/],
    ['an empty bracketed host', (d: any) => (d.base.rules.patterns[1].host = '[]'), /patterns\[1\]/],
    ['a bracketed host with a suffix', (d: any) => (d.base.rules.patterns[1].host = '[::1]x'), /patterns\[1\]/],
    ['a wildcard flag that is not a boolean', (d: any) => (d.base.rules.patterns[0].wildcardHost = 'yes'), /patterns\[0\]/],
    ['port 0', (d: any) => (d.base.rules.patterns[1].port = 0), /patterns\[1\]/],
    ['port 65536', (d: any) => (d.base.rules.patterns[1].port = 65536), /patterns\[1\]/],
    ['a port as a string', (d: any) => (d.base.rules.patterns[1].port = '8080'), /patterns\[1\]/],
    ['a fractional port', (d: any) => (d.base.rules.patterns[1].port = 80.5), /patterns\[1\]/],
    ['an empty method', (d: any) => d.base.rules.methods.push(''), /base\.rules\.methods\[2\] must be an HTTP token/],
    ['a numeric method', (d: any) => d.base.rules.methods.push(5), /base\.rules\.methods\[2\]/],
    ['a header name with a space', (d: any) => d.base.rules.allowHeaders.push('x a'), /base\.rules\.allowHeaders\[1\] must be an HTTP token/],
    ['an exposed header that is not a token', (d: any) => d.base.rules.exposeHeaders.push('x:a'), /base\.rules\.exposeHeaders\[0\] must be an HTTP token/],
    ['a negative maxAge', (d: any) => (d.base.rules.maxAge = -1), /base\.rules\.maxAge must be null or seconds/],
    ['a maxAge past 2^31', (d: any) => (d.base.rules.maxAge = 2 ** 31 + 1), /base\.rules\.maxAge/],
    ['a maxAge as a string', (d: any) => (d.base.rules.maxAge = '600'), /base\.rules\.maxAge/],
    ['a route path without a leading slash', (d: any) => (d.base.routes[0].path = 'public/**'), /base\.routes\[0\]\.path must be a route pattern/],
    ['a numeric route path', (d: any) => (d.base.routes[0].path = 5), /base\.routes\[0\]\.path/],
    ['a refused status of 399', (d: any) => (d.base.preflight.refusedStatus = 399), /base\.preflight\.refusedStatus must be a whole number from 400 to 499/],
    ['a refused status of 500', (d: any) => (d.base.preflight.refusedStatus = 500), /refusedStatus/],
    ['a success status of 199', (d: any) => (d.base.preflight.successStatus = 199), /base\.preflight\.successStatus must be a whole number from 200 to 299/],
    ['a success status of 300', (d: any) => (d.base.preflight.successStatus = 300), /successStatus/],
    ['a non-boolean continueToApp', (d: any) => (d.base.preflight.continueToApp = 1), /base\.preflight\.continueToApp must be true or false/],
    ['a non-boolean preflight vary', (d: any) => (d.base.preflight.vary = 'true'), /base\.preflight\.vary must be true or false/],
    ['environments that are an array', (d: any) => (d.environments = []), /environments must be an object/],
    ['environments that are null', (d: any) => (d.environments = null), /environments must be an object/],
    ['an environment without developmentOnly', (d: any) => delete d.environments.staging.developmentOnly, /environments\.staging\.developmentOnly must be true or false/],
    ['an environment with broken rules', (d: any) => (d.environments.staging.rules.credentials = 'no'), /environments\.staging\.rules\.credentials must be true or false/],
    ['no selected environment at all', (d: any) => delete d.environment, /environment must be null or one of its environments/],
    ['"*" with credentials in an environment', (d: any) => Object.assign(d.environments.staging.rules, { anyOrigin: true, credentials: true }), /environments\.staging\.rules\.anyOrigin must be false with credentials/],
    ['"*" with credentials on a route of an environment', (d: any) => Object.assign(d.environments.staging.routes[0], { anyOrigin: true, credentials: true }), /environments\.staging\.routes\[0\]\.anyOrigin must be false with credentials/],
  ])('%s', (_name, edit, message) => {
    const data = edited(edit);
    expect(() => loadCompiledPolicy(data)).toThrow(TypeError);
    expect(() => loadCompiledPolicy(data)).toThrow(message);
    expect(() => loadCompiledPolicy(data)).toThrow(/^Not a compiled CORS policy: .* Compile it again with `cors-policy compile` or compilePolicy\(\)\.$/);
  });
});

describe('loadCompiledPolicy accepts every bound the compiler can emit', () => {
  it.each([
    ['statuses 400 and 200', (d: any) => Object.assign(d.base.preflight, { refusedStatus: 400, successStatus: 200 })],
    ['statuses 499 and 299', (d: any) => Object.assign(d.base.preflight, { refusedStatus: 499, successStatus: 299 })],
    ['maxAge 0', (d: any) => (d.base.rules.maxAge = 0)],
    ['maxAge 2^31', (d: any) => (d.base.rules.maxAge = 2 ** 31)],
    ['maxAge null', (d: any) => (d.base.rules.maxAge = null)],
    ['ports 1 and 65535', (d: any) => d.base.rules.patterns.push({ ...d.base.rules.patterns[1], port: 1 }, { ...d.base.rules.patterns[1], port: 65535 })],
    ['methods "*"', (d: any) => d.base.rules.methods.push('*')],
    ['an origin at the length cap', (d: any) => d.base.rules.origins.push(`https://${'a'.repeat(1016)}`)],
    ['a selected environment', (d: any) => (d.environment = 'staging')],
  ])('%s', (_name, edit) => {
    const data = edited(edit) as unknown as CompiledCorsPolicy;
    expect(loadCompiledPolicy(data).name).toBe('shape');
  });
});

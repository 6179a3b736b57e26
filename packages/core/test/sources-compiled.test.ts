import { describe, expect, it } from 'vitest';
import { compilePolicy, definePolicy, loadCompiledPolicy, resolveCors } from '../src/index.js';
import { actualFacts } from './helpers.js';

const policy = definePolicy({
  name: 'tenant-api',
  origins: ['https://app.example.com', { source: 'tenant-domains', methods: ['GET', 'PUT'], refreshSeconds: 30, timeoutMs: 100, description: 'not compiled' }],
  credentials: true,
  routes: [
    { path: '/partners/**', origins: [{ source: 'partners', credentials: true }] },
    { path: '/internal/**', disabled: true },
  ],
  acknowledgements: [{ rule: 'origins/source-with-credentials', value: 'partners', reason: 'Partner portals sign in.' }],
});

/** Compiled data as a file would hold it. */
const data = (): any => JSON.parse(JSON.stringify(compilePolicy(policy)));

describe('compiled data carries the sources (cors-policy/compiled@2)', () => {
  it('lists each rules\' sources with their resolved settings and no description', () => {
    const compiled = data();
    expect(compiled.format).toBe('cors-policy/compiled@2');
    expect(compiled.base.rules.sources).toEqual([{ name: 'tenant-domains', credentials: false, methods: ['GET', 'PUT'], refreshSeconds: 30, timeoutMs: 100 }]);
    expect(compiled.base.routes[0].sources).toEqual([{ name: 'partners', credentials: true, methods: ['GET', 'HEAD', 'POST'], refreshSeconds: 60, timeoutMs: 200 }]);
    // A disabled rule ships nothing to consult.
    expect(compiled.base.routes[1].sources).toEqual([]);
  });

  it('round-trips: loaded again, compiled again, the data is the same, and static origins decide alike', () => {
    const loaded = loadCompiledPolicy(data());
    for (const origin of ['https://app.example.com', 'https://evil.example', undefined]) {
      for (const path of ['/', '/partners/x', '/internal/x']) {
        expect(resolveCors(loaded, actualFacts(origin, 'GET', path))).toEqual(resolveCors(policy, actualFacts(origin, 'GET', path)));
      }
    }
    expect(data()).toEqual(JSON.parse(JSON.stringify(compilePolicy(policy))));
  });
});

describe('the runtime refuses compiled sources it cannot trust', () => {
  const tamper = (change: (d: any) => void): any => {
    const d = data();
    change(d);
    return d;
  };
  it.each([
    ['the previous format', tamper((d) => (d.format = 'cors-policy/compiled@1')), /format must be "cors-policy\/compiled@2" \(data from an older or newer compiler: compile it again.*Compile it again with `cors-policy compile`/],
    ['rules without a sources list', tamper((d) => delete d.base.rules.sources), /base\.rules\.sources must be an array/],
    ['a source name that is not a slug', tamper((d) => (d.base.rules.sources[0].name = 'Tenant\nDomains')), /base\.rules\.sources\[0\]\.name must be a slug/],
    ['a source method that is not a token', tamper((d) => d.base.rules.sources[0].methods.push('GET POST')), /sources\[0\]\.methods\[2\] must be an HTTP token/],
    ['a refresh period of 0', tamper((d) => (d.base.rules.sources[0].refreshSeconds = 0)), /refreshSeconds must be a whole number from 1 to 86400/],
    ['a timeout above 5 s', tamper((d) => (d.base.rules.sources[0].timeoutMs = 60000)), /timeoutMs must be a whole number from 10 to 5000/],
    ['credentials that are not a boolean', tamper((d) => (d.base.routes[0].sources[0].credentials = 'true')), /base\.routes\[0\]\.sources\[0\]\.credentials must be true or false/],
    ['a source next to "*"', tamper((d) => Object.assign(d.base.rules, { anyOrigin: true, credentials: false })), /base\.rules\.sources must be empty with `\*` origins or a disabled rule/],
    ['a source in a disabled rule', tamper((d) => d.base.routes[1].sources.push(d.base.rules.sources[0])), /base\.routes\[1\]\.sources must be empty/],
    ['the same source twice in one rules', tamper((d) => d.base.rules.sources.push(d.base.rules.sources[0])), /base\.rules\.sources must be a list of distinct sources/],
  ])('%s', (_name, value, message) => {
    expect(() => loadCompiledPolicy(value)).toThrow(TypeError);
    expect(() => loadCompiledPolicy(value)).toThrow(message);
  });
});

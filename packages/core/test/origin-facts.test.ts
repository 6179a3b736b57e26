import { describe, expect, it } from 'vitest';
import { analyseOrigin, definePolicy, formatIssuePath, originFactsOf, type OriginFacts } from '../src/index.js';

const pick = (f: OriginFacts) => ({ kind: f.kind, scheme: f.scheme, host: f.host, port: f.port, secure: f.secure, loopback: f.loopback, ip: f.ip, wildcardHost: f.wildcardHost, anyPort: f.anyPort, patternBase: f.patternBase });

describe('analyseOrigin() describes an entry as data', () => {
  it.each([
    ['*', { kind: 'any', scheme: undefined, host: undefined, port: undefined, secure: false, loopback: false, ip: false, wildcardHost: false, anyPort: false, patternBase: undefined }],
    ['https://app.example.com', { kind: 'exact', scheme: 'https', host: 'app.example.com', port: undefined, secure: true, loopback: false, ip: false, wildcardHost: false, anyPort: false, patternBase: undefined }],
    ['http://staging.example.com:8080', { kind: 'exact', scheme: 'http', host: 'staging.example.com', port: 8080, secure: false, loopback: false, ip: false, wildcardHost: false, anyPort: false, patternBase: undefined }],
    ['http://localhost:3000', { kind: 'exact', scheme: 'http', host: 'localhost', port: 3000, secure: true, loopback: true, ip: false, wildcardHost: false, anyPort: false, patternBase: undefined }],
    ['http://127.0.0.1:5173', { kind: 'exact', scheme: 'http', host: '127.0.0.1', port: 5173, secure: true, loopback: true, ip: true, wildcardHost: false, anyPort: false, patternBase: undefined }],
    ['http://[::1]:8080', { kind: 'exact', scheme: 'http', host: '[::1]', port: 8080, secure: true, loopback: true, ip: true, wildcardHost: false, anyPort: false, patternBase: undefined }],
    ['http://10.0.0.7', { kind: 'exact', scheme: 'http', host: '10.0.0.7', port: undefined, secure: false, loopback: false, ip: true, wildcardHost: false, anyPort: false, patternBase: undefined }],
    ['https://*.example.com', { kind: 'pattern', scheme: 'https', host: 'example.com', port: undefined, secure: true, loopback: false, ip: false, wildcardHost: true, anyPort: false, patternBase: 'example.com' }],
    ['https://*.example.com:*', { kind: 'pattern', scheme: 'https', host: 'example.com', port: '*', secure: true, loopback: false, ip: false, wildcardHost: true, anyPort: true, patternBase: 'example.com' }],
    ['http://localhost:*', { kind: 'pattern', scheme: 'http', host: 'localhost', port: '*', secure: true, loopback: true, ip: false, wildcardHost: false, anyPort: true, patternBase: undefined }],
    ['https://App.example.com', { kind: 'invalid', scheme: undefined, host: undefined, port: undefined, secure: false, loopback: false, ip: false, wildcardHost: false, anyPort: false, patternBase: undefined }],
  ])('%s', (entry, expected) => {
    const facts = analyseOrigin(entry);
    expect(facts.entry).toBe(entry);
    expect(pick(facts)).toEqual(expected);
  });

  it('names the public suffix and registrable domain, and flags a pattern over a public suffix', () => {
    expect(analyseOrigin('https://shop.example.co.uk')).toMatchObject({ publicSuffix: 'co.uk', registrableDomain: 'example.co.uk', problems: [] });
    expect(analyseOrigin('https://*.github.io')).toMatchObject({ kind: 'pattern', patternBase: 'github.io', publicSuffix: 'github.io', registrableDomain: undefined, problems: ['patterns/public-suffix'] });
    expect(analyseOrigin('http://localhost:3000')).toMatchObject({ publicSuffix: undefined, registrableDomain: undefined });
  });

  it('the null origin and mistakes are invalid, with the codes the linter reports', () => {
    expect(analyseOrigin('null')).toMatchObject({ kind: 'invalid', nullOrigin: true, problems: ['origins/null'] });
    expect(analyseOrigin('https://app.example.com/')).toMatchObject({ kind: 'invalid', nullOrigin: false, problems: ['origins/not-an-origin'] });
    expect(analyseOrigin('ftp://files.example.com')).toMatchObject({ kind: 'exact', secure: false, problems: ['origins/unsupported-scheme'] });
  });

  it('never throws, whatever the string', () => {
    for (const entry of ['', ' ', 'https://', 'https://[::1', 'https://*', '*.*', '\u0000', 'x'.repeat(5000)]) expect(() => analyseOrigin(entry)).not.toThrow();
  });
});

describe('originFactsOf() lists every entry a policy writes, where it is written', () => {
  const policy = definePolicy({
    name: 'facts-api',
    origins: ['https://app.example.com', 'https://*.example.com'],
    credentials: true,
    routes: [{ path: '/public/**', origins: ['*'], credentials: false }, { path: '/admin/**' }],
    environments: { development: { origins: ['http://localhost:3000'] }, staging: { origins: ['https://staging.example.net'] } },
  });

  it('top level, each route\'s own list, each overlay — with paths that join findings', () => {
    expect(originFactsOf(policy).map((o) => [o.scope, o.routeIndex, o.environment, formatIssuePath(o.path), o.facts.entry, o.facts.kind])).toEqual([
      ['top', undefined, undefined, 'origins[0]', 'https://app.example.com', 'exact'],
      ['top', undefined, undefined, 'origins[1]', 'https://*.example.com', 'pattern'],
      ['route', 0, undefined, 'routes[0].origins[0]', '*', 'any'],
      ['environment', undefined, 'development', 'environments.development.origins[0]', 'http://localhost:3000', 'exact'],
      ['environment', undefined, 'staging', 'environments.staging.origins[0]', 'https://staging.example.net', 'exact'],
    ]);
  });

  it('is the same whichever environment the policy was loaded for', () => {
    const dev = definePolicy(policy.source, { environment: 'development' });
    expect(originFactsOf(dev)).toEqual(originFactsOf(policy));
  });
});

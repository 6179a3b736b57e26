import { describe, expect, it } from 'vitest';
import {
  definePolicy, describeSource, describeSourceCredentials, describeSourceCredentialsChange, explain, parsePolicy, sourceWording, type CorsPolicy,
} from '../src/index.js';
import { bindOriginSources, sourcesReady } from '../src/runtime.js';
import { base } from './helpers.js';
import { closeBindingsAfterEach, STATIC, TENANT } from './source-bindings.js';

/* One wording of an origin source, for explain, the linter and (through the report package) the audit, the site and the diff. */

const keep = closeBindingsAfterEach();
const source = (over: Partial<Parameters<typeof describeSource>[0]> = {}) => ({ name: 'tenant-domains', credentials: false, methods: ['GET', 'HEAD', 'POST'], ...over });

describe('describeSource says a source as what it is', () => {
  it('names the source, that it is looked up at run time, its credentials (cookies) and its methods', () => {
    expect(describeSource(source())).toBe('origins from tenant-domains, looked up at run time, credentials (cookies) not allowed, methods GET, HEAD, POST');
    expect(describeSource(source({ credentials: true }))).toBe('origins from tenant-domains, looked up at run time, credentials (cookies) allowed, methods GET, HEAD, POST');
  });

  it('says one method in the singular, `*` as any method, and none as no method', () => {
    expect(describeSource(source({ methods: ['GET'] }))).toBe('origins from tenant-domains, looked up at run time, credentials (cookies) not allowed, method GET');
    expect(describeSource(source({ methods: ['*'] }))).toBe('origins from tenant-domains, looked up at run time, credentials (cookies) not allowed, any method');
    expect(describeSource(source({ methods: [] }))).toBe('origins from tenant-domains, looked up at run time, credentials (cookies) not allowed, no method');
  });

  it('gives the same phrase in parts, the name alone, for reports that show it as code', () => {
    expect(sourceWording(source({ credentials: true }))).toEqual({
      before: 'origins from ',
      name: 'tenant-domains',
      after: ', looked up at run time, credentials (cookies) allowed, methods GET, HEAD, POST',
    });
  });

  it('says credentials and a change of credentials with the same words', () => {
    expect(describeSourceCredentials(true)).toBe('credentials (cookies) allowed');
    expect(describeSourceCredentials(false)).toBe('credentials (cookies) not allowed');
    expect(describeSourceCredentialsChange(false, true)).toBe('credentials (cookies) not allowed → allowed');
    expect(describeSourceCredentialsChange(true, false)).toBe('credentials (cookies) allowed → not allowed');
  });
});

describe('the linter and explain use that wording', () => {
  it('the credentials warning on a source says "credentials (cookies) allowed"', () => {
    const result = parsePolicy({ ...base, origins: [{ source: 'tenant-domains', credentials: true }] });
    expect(result.issues.filter((i) => i.code === 'origins/source-with-credentials').map((i) => i.message)).toEqual([
      "The source \"tenant-domains\": credentials (cookies) allowed — every site its provider names, tenant-controlled, may read responses with the user's cookies.",
    ]);
  });

  const tenants = (): CorsPolicy => definePolicy({ name: 'tenant-api', origins: [STATIC, { source: 'tenant-domains', methods: ['GET', 'POST'] }], methods: ['GET', 'POST', 'PUT'] });

  it('explain, unbound, says which source it cannot see into', () => {
    const answer = explain(tenants(), { origin: TENANT, method: 'GET', path: '/' });
    expect(answer.allowed).toBe(false);
    expect(answer.steps).toContain(
      "Explain cannot see the source's contents (origins from tenant-domains, looked up at run time, credentials (cookies) not allowed, methods GET, POST): if the running service finds the origin there, it gets these rules; if not, it is refused.",
    );
  });

  it('explain, on a bound policy whose source lists the origin, says the origin is one of that source\'s origins', async () => {
    const bound = keep(bindOriginSources(tenants(), { 'tenant-domains': { list: () => Promise.resolve([TENANT]) } }));
    await sourcesReady(bound);
    const answer = explain(bound as CorsPolicy, { origin: TENANT, method: 'GET', path: '/' });
    expect(answer.allowed).toBe(true);
    expect(answer.steps).toContain('The origin is one of the origins from tenant-domains, looked up at run time, credentials (cookies) not allowed, methods GET, POST.');
  });
});

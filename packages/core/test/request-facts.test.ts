import { describe, expect, it } from 'vitest';
import { requestFacts, type HeaderReader } from '../src/index.js';

const headers = (values: Record<string, string | string[] | null | undefined>): HeaderReader => (name) => values[name];

describe('requestFacts', () => {
  it('reads the CORS headers by lower-case name', () => {
    const asked: string[] = [];
    const facts = requestFacts('OPTIONS', '/items', (name) => {
      asked.push(name);
      return { origin: 'https://app.example.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type', 'access-control-request-private-network': 'true' }[name];
    });
    expect(facts).toEqual({
      method: 'OPTIONS',
      path: '/items',
      origin: 'https://app.example.com',
      accessControlRequestMethod: 'PUT',
      accessControlRequestHeaders: 'content-type',
      accessControlRequestPrivateNetwork: 'true',
    });
    for (const name of asked) expect(name).toBe(name.toLowerCase());
    // Only the CORS request headers: never the request's Vary (copying it is a known cache-poisoning bug).
    expect(asked.sort()).toEqual(['access-control-request-headers', 'access-control-request-method', 'access-control-request-private-network', 'origin']);
  });

  it('treats absent headers (undefined or null) as undefined and empty ones as present', () => {
    expect(requestFacts('GET', '/', headers({ origin: null })).origin).toBeUndefined();
    expect(requestFacts('GET', '/', headers({})).origin).toBeUndefined();
    expect(requestFacts('GET', '/', headers({ origin: '' })).origin).toBe('');
    expect(requestFacts('GET', '/', headers({ origin: [] })).origin).toBeUndefined();
  });

  it('joins repeated Origin lines with ", " so they never match a configured origin', () => {
    expect(requestFacts('GET', '/', headers({ origin: ['https://a.example', 'https://b.example'] })).origin).toBe('https://a.example, https://b.example');
    expect(requestFacts('GET', '/', headers({ origin: ['https://a.example'] })).origin).toBe('https://a.example');
  });

  it('joins repeated Access-Control-Request-Method lines so they are not a token', () => {
    expect(requestFacts('OPTIONS', '/', headers({ 'access-control-request-method': ['PUT', 'GET'] })).accessControlRequestMethod).toBe('PUT, GET');
  });

  it('joins repeated Access-Control-Request-Headers lines as one list', () => {
    expect(requestFacts('OPTIONS', '/', headers({ 'access-control-request-headers': ['x-a', 'x-b'] })).accessControlRequestHeaders).toBe('x-a,x-b');
  });

  it('keeps the method exactly as received', () => {
    expect(requestFacts('patch', '/', headers({})).method).toBe('patch');
  });

  it.each([
    ['/items', '/items'],
    ['/items?x=1', '/items'],
    ['/items#frag', '/items'],
    ['/items?x=1#frag', '/items'],
    ['/items#frag?x=1', '/items'],
    ['/?x=1', '/'],
    ['', '/'],
    ['?x=1', '/'],
    ['https://api.example.com/items?x=1', '/items'],
    ['http://api.example.com', '/'],
    ['http://api.example.com?x=1', '/'],
    ['http://api.example.com:8080/a/b', '/a/b'],
    ['/redirect?to=https://evil.example/x', '/redirect'],
    ['//double/slash', '//double/slash'],
    ['/a%2Fb', '/a%2Fb'],
  ])('takes the path of %j as %j', (url, path) => {
    expect(requestFacts('GET', url, headers({})).path).toBe(path);
  });
});

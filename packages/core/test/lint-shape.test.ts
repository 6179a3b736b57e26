import { describe, expect, it } from 'vitest';
import { CorsPolicyError, definePolicy, formatIssuePath, parsePolicy, resolveCors, type PolicyInput, type PolicyIssue } from '../src/index.js';
import { actual, base, findingsOf, header, lint } from './helpers.js';

describe('unknown keys', () => {
  it('typos are refused with the closest known key', () => {
    expect(lint({ ...base, orgins: ['https://x.example'], credential: true, preflight: { refusedStauts: 403 }, routes: [{ path: '/a', methdos: ['GET'] }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error preflight.refusedStauts policy/unknown-key — Did you mean \`refusedStatus\`?",
          "error routes[0].methdos policy/unknown-key — Did you mean \`methods\`?",
          "error orgins policy/unknown-key — Did you mean \`origins\`?",
          "error credential policy/unknown-key — Did you mean \`credentials\`?",
        ],
        "loads": false,
      }
    `);
  });

  it("other libraries' option names are refused with ours", () => {
    expect(lint({ ...base, allowedHeaders: ['X-A'], exposedHeaders: ['X-B'], allowCredentials: true, optionsSuccessStatus: 200, preflightContinue: true, origin: 'https://x.example' })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error allowedHeaders policy/unknown-key — This policy calls it \`allowHeaders\`.",
          "error exposedHeaders policy/unknown-key — This policy calls it \`exposeHeaders\`.",
          "error allowCredentials policy/unknown-key — This policy calls it \`credentials\`.",
          "error optionsSuccessStatus policy/unknown-key — This policy calls it \`preflight.successStatus\`.",
          "error preflightContinue policy/unknown-key — This policy calls it \`preflight.continueToApp\`.",
          "error origin policy/unknown-key — This policy calls it \`origins\`.",
        ],
        "loads": false,
      }
    `);
  });

  it('keys far from any known key list the known keys', () => {
    expect(lint({ ...base, banana: 1 })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error banana policy/unknown-key — Remove it. Known keys here: $schema, name, description, owners, origins, credentials, methods, allowHeaders, exposeHeaders, maxAge, privateNetwork, preflight, routes, environments, expectations, deployments, acknowledgements.",
        ],
        "loads": false,
      }
    `);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('%s from JSON.parse is an unknown key with a sensible hint', (key) => {
    const input: unknown = JSON.parse(`{"name":"test-api","origins":["https://app.example.com"],"${key}":{"credentials":true}}`);
    const result = lint(input);
    expect(result.loads).toBe(false);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatch(new RegExp(`^error \\["?${key}"?\\]|^error ${key} policy/unknown-key — `));
    expect(result.findings[0]).not.toMatch(/\[object Object\]|function|native code/);
  });

  it('__proto__ inside a route or an overlay is an unknown key', () => {
    const input: unknown = JSON.parse('{"name":"test-api","origins":["https://app.example.com"],"routes":[{"path":"/a","__proto__":{"credentials":true}}],"environments":{"dev":{"__proto__":{"origins":["https://evil.example"]}}}}');
    expect(lint(input)).toMatchInlineSnapshot(`
      {
        "findings": [
          "error routes[0].__proto__ policy/unknown-key — Remove it. Known keys here: path, description, disabled, origins, credentials, methods, allowHeaders, exposeHeaders, maxAge, privateNetwork.",
          "error environments.dev.__proto__ policy/unknown-key — Remove it. Known keys here: description, origins, credentials, methods, allowHeaders, exposeHeaders, maxAge, privateNetwork.",
        ],
        "loads": false,
      }
    `);
  });

  it('an environment named __proto__ is refused, not silently dropped', () => {
    const input: unknown = JSON.parse('{"name":"test-api","origins":["https://app.example.com"],"environments":{"__proto__":{"origins":["https://evil.example"]}}}');
    expect(lint(input)).toMatchInlineSnapshot(`
      {
        "findings": [
          "error environments.__proto__ policy/unknown-key — Rename the environment, e.g. "development".",
        ],
        "loads": false,
      }
    `);
  });

  it('never pollutes Object.prototype', () => {
    const input: unknown = JSON.parse('{"name":"test-api","origins":["https://app.example.com"],"__proto__":{"polluted":true},"environments":{"__proto__":{"polluted":true}}}');
    parsePolicy(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('wrong types', () => {
  it('are refused, never coerced ("true" is not true)', () => {
    expect(lint({ ...base, credentials: 'true', maxAge: '600', methods: 'GET', origins: 'https://app.example.com', privateNetwork: 1 })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins policy/invalid-shape — Write a list, e.g. ["https://app.example.com"].",
          "error credentials policy/invalid-shape — Write true or false without quotes.",
          "error methods policy/invalid-shape — Write a list, e.g. ["GET", "POST"].",
          "error maxAge policy/invalid-shape — Write a number without quotes.",
          "error privateNetwork policy/invalid-shape — Write true or false without quotes.",
        ],
        "loads": false,
      }
    `);
  });

  it('are listed together with the semantic problems of the fields that did parse', () => {
    expect(lint({ ...base, credentials: 'true', origins: ['*'], methods: ['TRACE'] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error credentials policy/invalid-shape — Write true or false without quotes.",
          "error origins[0] origins/wildcard-with-credentials — List the exact origins that need cookies, or turn credentials off for a public API.",
          "error methods[0] methods/forbidden — Remove it.",
        ],
        "loads": false,
      }
    `);
  });

  it('a policy that is not an object is refused', () => {
    expect(lint('https://app.example.com')).toMatchInlineSnapshot(`
      {
        "findings": [
          "error (policy) policy/invalid-shape — Write a value of type object.",
        ],
        "loads": false,
      }
    `);
    expect(lint(null).loads).toBe(false);
    expect(lint([]).loads).toBe(false);
  });

  it('definePolicy throws one CorsPolicyError carrying every issue', () => {
    let error: unknown;
    try {
      definePolicy({ ...base, origins: ['*', 'null'], credentials: true } as PolicyInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CorsPolicyError);
    const issues = (error as CorsPolicyError).issues;
    expect(issues.map((i) => i.code)).toEqual(['origins/wildcard-with-credentials', 'origins/wildcard-mixed', 'origins/null']);
    expect((error as Error).message).toContain('CORS policy "test-api" is invalid (3 errors)');
    for (const issue of issues) expect((error as Error).message).toContain(issue.hint);
  });
});

describe('acknowledgements', () => {
  const pna = { ...base, privateNetwork: true } satisfies PolicyInput;

  it('mark a warning as accepted, with its justification', () => {
    const result = parsePolicy({ ...pna, acknowledgements: [{ rule: 'private-network/deprecated', path: 'privateNetwork', reason: 'The set-up page must reach the printer.' }] });
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'private-network/deprecated', severity: 'warning', acknowledged: 'The set-up page must reach the printer.' })]);
  });

  it('can never acknowledge an error', () => {
    expect(lint({ ...base, origins: ['*'], credentials: true, acknowledgements: [{ rule: 'origins/wildcard-with-credentials', reason: 'We know.' }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "error origins[0] origins/wildcard-with-credentials — List the exact origins that need cookies, or turn credentials off for a public API.",
          "error acknowledgements[0].rule acknowledgements/not-a-warning — Fix the problem instead.",
        ],
        "loads": false,
      }
    `);
  });

  it('need a justification and a real rule code', () => {
    expect(lint({ ...pna, acknowledgements: [{ rule: 'private-network/deprecated', path: 'privateNetwork', reason: '  ' }, { rule: 'no-such/rule', path: 'origins[0]', reason: 'x' }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning privateNetwork private-network/deprecated — Keep it only if a public site must reach a device on users' private networks; acknowledge the warning to keep it.",
          "error acknowledgements[0].reason acknowledgements/missing-reason — Write why the warning is acceptable; auditors read it.",
          "error acknowledgements[1].rule acknowledgements/not-a-warning — Use the code printed with the warning, e.g. "max-age/above-browser-cap".",
        ],
        "loads": false,
      }
    `);
  });

  it('that cover no warning are themselves a warning', () => {
    expect(lint({ ...base, acknowledgements: [{ rule: 'max-age/above-browser-cap', path: 'maxAge', reason: 'Firefox users benefit.' }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning acknowledgements[0].rule acknowledgements/unused — Remove the stale acknowledgement, or correct its \`path\` / \`value\`.",
        ],
        "loads": true,
      }
    `);
  });

  it('do not acknowledge the error form of a credential-sensitive rule', () => {
    const result = lint({ ...base, origins: ['null'], credentials: true, acknowledgements: [{ rule: 'origins/null', value: 'null', reason: 'Sandboxed widget.' }] });
    expect(result.loads).toBe(false);
    expect(result.findings).toContain('error origins[0] origins/null — Remove "null"; serve the calling page from a real origin and list that origin.');
  });
});

describe('acknowledgements are scoped to one finding', () => {
  const reason = 'Staging sits behind the VPN; its TLS terminator is being replaced.';
  const staging = {
    ...base,
    credentials: true,
    environments: { staging: { origins: ['http://staging.example.com'] } },
  } satisfies PolicyInput;
  const insecure = (issues: readonly PolicyIssue[]) => issues.filter((i) => i.code === 'origins/insecure-with-credentials');

  it('every finding about one value carries that value', () => {
    const issues = findingsOf({ ...staging, methods: ['GET', 'patch'], maxAge: 9000, allowHeaders: ['X-A', 'x-a'] });
    const got = issues.map((i) => [i.code, formatIssuePath(i.path), i.value]);
    expect(got).toHaveLength(4);
    expect(got).toEqual(expect.arrayContaining([
      ['origins/insecure-with-credentials', 'environments.staging.origins[0]', 'http://staging.example.com'],
      ['methods/not-uppercase', 'methods[1]', 'patch'],
      ['policy/duplicate-entry', 'allowHeaders[1]', 'x-a'],
      ['max-age/above-browser-cap', 'maxAge', '9000'],
    ]));
  });

  it('by path: covers the finding at that path only', () => {
    const issues = findingsOf({ ...staging, acknowledgements: [{ rule: 'origins/insecure-with-credentials', path: 'environments.staging.origins[0]', reason }] });
    expect(insecure(issues).map((i) => i.acknowledged)).toEqual([reason]);
  });

  it('by value: covers that value wherever it is listed', () => {
    const issues = findingsOf({ ...staging, routes: [{ path: '/a', origins: ['http://staging.example.com'] }], acknowledgements: [{ rule: 'origins/insecure-with-credentials', value: 'http://staging.example.com', reason }] });
    expect(insecure(issues).map((i) => [formatIssuePath(i.path), i.acknowledged])).toEqual([
      ['routes[0].origins[0]', reason],
      ['environments.staging.origins[0]', reason],
    ]);
  });

  it('an acknowledgement written for staging does not cover a new production http origin', () => {
    const grown = { ...staging, origins: ['https://app.example.com', 'http://shop.example.com'], acknowledgements: [{ rule: 'origins/insecure-with-credentials', path: 'environments.staging.origins[0]', reason }] };
    const issues = findingsOf(grown);
    expect(insecure(issues).map((i) => [formatIssuePath(i.path), i.acknowledged])).toEqual([
      ['origins[1]', undefined],
      ['environments.staging.origins[0]', reason],
    ]);
  });

  it('an acknowledgement with neither path nor value is an error whose hint gives the path to write', () => {
    expect(lint({ ...staging, acknowledgements: [{ rule: 'origins/insecure-with-credentials', reason }] })).toMatchInlineSnapshot(`
      {
        "findings": [
          "warning environments.staging.origins[0] origins/insecure-with-credentials — Use "https://staging.example.com", or keep http only for loopback development origins.",
          "error acknowledgements[0] acknowledgements/unscoped — Add path: "environments.staging.origins[0]".",
        ],
        "loads": false,
      }
    `);
  });

  it('an acknowledgement whose path or value matches nothing is unused', () => {
    const result = lint({ ...staging, acknowledgements: [{ rule: 'origins/insecure-with-credentials', path: 'origins[0]', reason }, { rule: 'origins/insecure-with-credentials', value: 'http://old.example.com', reason }] });
    expect(result.loads).toBe(true);
    expect(result.findings.filter((f) => f.includes('acknowledgements/unused'))).toEqual([
      'warning acknowledgements[0].rule acknowledgements/unused — Remove the stale acknowledgement, or correct its `path` / `value`.',
      'warning acknowledgements[1].rule acknowledgements/unused — Remove the stale acknowledgement, or correct its `path` / `value`.',
    ]);
  });

  it('either the path or the value matching is enough', () => {
    const input = { ...base, maxAge: 9000, acknowledgements: [{ rule: 'max-age/above-browser-cap', path: 'maxAge', value: '1', reason: 'Firefox.' }] };
    expect(findingsOf(input).find((i) => i.code === 'max-age/above-browser-cap')?.acknowledged).toBe('Firefox.');
  });
});

describe('a loaded policy', () => {
  it('is unaffected by later mutation of the caller\'s object', () => {
    const input = {
      name: 'test-api',
      origins: ['https://app.example.com'],
      credentials: false,
      methods: ['GET'],
      allowHeaders: ['X-A'],
      routes: [{ path: '/a', origins: ['https://b.example.com'] }],
      environments: { dev: { origins: ['http://localhost:3000'] } },
    };
    const policy = definePolicy(input);
    input.origins.push('https://evil.example');
    input.origins[0] = 'https://evil.example';
    input.credentials = true;
    input.methods.push('DELETE');
    input.allowHeaders.push('Authorization');
    input.routes[0]!.origins.push('https://evil.example');
    input.routes.push({ path: '/**', origins: ['https://evil.example'] });
    input.environments.dev.origins.push('https://evil.example');

    expect(actual(policy, 'https://evil.example').kind).toBe('actual-refused');
    expect(actual(policy, 'https://evil.example', 'GET', '/a').kind).toBe('actual-refused');
    expect(header(actual(policy, 'https://app.example.com'), 'Access-Control-Allow-Credentials')).toBeUndefined();
    expect(actual(policy, 'https://app.example.com', 'DELETE').kind).toBe('actual-refused');
    expect(policy.source.origins).toEqual(['https://app.example.com']);
    expect(policy.routes).toHaveLength(1);
    expect(definePolicy(policy.source, { environment: 'dev' }).rules.origins).toEqual(['https://app.example.com', 'http://localhost:3000']);
  });

  it('is deeply frozen', () => {
    const policy = definePolicy({ ...base, routes: [{ path: '/a' }], environments: { dev: { origins: ['http://localhost:3000'] } } });
    for (const value of [policy, policy.rules, policy.rules.origins, policy.routes, policy.routes[0], policy.preflight, policy.findings, policy.source, policy.source.origins, policy.source.environments]) {
      expect(Object.isFrozen(value)).toBe(true);
    }
    expect(() => (policy.rules.origins as string[]).push('https://evil.example')).toThrow(TypeError);
    expect(resolveCors(policy, { method: 'GET', path: '/', origin: 'https://evil.example', accessControlRequestMethod: undefined, accessControlRequestHeaders: undefined, accessControlRequestPrivateNetwork: undefined }).kind).toBe('actual-refused');
  });

  it('resolveCors refuses a plain object posing as a policy', () => {
    const fake = { ...definePolicy(base) };
    expect(() => resolveCors(fake, { method: 'GET', path: '/', origin: 'https://app.example.com', accessControlRequestMethod: undefined, accessControlRequestHeaders: undefined, accessControlRequestPrivateNetwork: undefined })).toThrow(/definePolicy/);
  });
});

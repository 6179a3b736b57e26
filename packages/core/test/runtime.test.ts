import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  compilePolicy, CorsPolicyError, definePolicy, loadCompiledPolicy, resolveCors, toRuntimePolicy, writeNodeDecision, type CompiledCorsPolicy,
  type CorsDecision,
} from '../src/index.js';
import * as runtime from '../src/runtime.js';
import { actualFacts, preflightFacts } from './helpers.js';

const input = {
  name: 'storefront',
  origins: ['https://app.example.com', 'https://*.tenant.example.com', 'http://localhost:*'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
  routes: [
    { path: '/admin/**', disabled: true },
    { path: '/public/**', origins: ['*'], credentials: false },
  ],
  environments: { staging: { origins: ['https://staging.example.com'] }, development: { developmentOnly: true, origins: ['http://localhost:5173'] } },
};
const authoring = definePolicy(input);
/** As a build step writes and a runtime reads it: through JSON. */
const compiledJson = (): CompiledCorsPolicy => JSON.parse(JSON.stringify(compilePolicy(authoring))) as CompiledCorsPolicy;

describe('compilePolicy', () => {
  it('produces plain data with every environment, the selected one and the development-only marks', () => {
    const data = compilePolicy(definePolicy(input, { environment: 'staging' }));
    expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);
    expect(data.format).toBe('cors-policy/compiled@2');
    expect(data.environment).toBe('staging');
    expect(Object.keys(data.environments)).toEqual(['staging', 'development']);
    expect(data.environments.development?.developmentOnly).toBe(true);
    expect(data.environments.staging?.developmentOnly).toBe(false);
    expect(data.environments.staging?.rules.origins).toContain('https://staging.example.com');
    expect(data.base.rules.origins).not.toContain('https://staging.example.com');
  });

  it('splits origin entries once into exact origins and parsed patterns', () => {
    const { rules } = compilePolicy(authoring).base;
    expect(rules.origins).toEqual(['https://app.example.com']);
    expect(rules.patterns).toEqual([
      { scheme: 'https', host: 'tenant.example.com', wildcardHost: true, port: null },
      { scheme: 'http', host: 'localhost', wildcardHost: false, port: '*' },
    ]);
  });

  it('ships no origins for a disabled route (it answers nothing)', () => {
    expect(compilePolicy(authoring).base.routes[0]).toMatchObject({ path: '/admin/**', disabled: true, origins: [], patterns: [] });
  });

  it('refuses a plain object: only a loaded policy has compiled data', () => {
    expect(() => compilePolicy(input as never)).toThrow(TypeError);
  });
});

describe('loadCompiledPolicy', () => {
  const requests = [
    actualFacts('https://app.example.com', 'GET', '/items'),
    actualFacts('https://a.tenant.example.com', 'PUT', '/items'),
    actualFacts('https://tenant.example.com', 'GET', '/items'),
    actualFacts('http://localhost:3000', 'GET', '/items'),
    actualFacts('https://evil.example', 'GET', '/items'),
    actualFacts(undefined, 'GET', '/items'),
    actualFacts('https://app.example.com', 'GET', '/admin/users'),
    actualFacts('https://anyone.example', 'GET', '/public/feed'),
    preflightFacts('https://app.example.com', 'PUT', { headers: 'content-type,authorization', path: '/items' }),
    preflightFacts('https://app.example.com', 'DELETE', { path: '/items' }),
    preflightFacts('https://app.example.com', 'PUT', { headers: 'x-other', path: '/items' }),
  ];

  it.each(requests.map((facts, i) => [i, facts] as const))('decides request %i exactly as the policy it was compiled from', (_i, facts) => {
    expect(resolveCors(loadCompiledPolicy(compiledJson()), facts)).toStrictEqual(resolveCors(authoring, facts));
  });

  it('loads the environment it was compiled with, another on request, and switches by lookup', () => {
    const data = compilePolicy(definePolicy(input, { environment: 'staging' }));
    expect(loadCompiledPolicy(data).environment).toBe('staging');
    expect(loadCompiledPolicy(data, { environment: undefined }).environment).toBeUndefined();
    const staging = loadCompiledPolicy(compiledJson(), { environment: 'staging' });
    expect(staging.environments).toEqual(['staging', 'development']);
    expect(resolveCors(staging, actualFacts('https://staging.example.com')).kind).toBe('actual-allowed');
    expect(resolveCors(loadCompiledPolicy(compiledJson()), actualFacts('https://staging.example.com')).kind).toBe('actual-refused');
    const base = loadCompiledPolicy(compiledJson());
    expect(toRuntimePolicy(base, 'staging')).toBe(toRuntimePolicy(base, 'staging'));
  });

  it('names the known environments when asked for another (environments/unknown)', () => {
    const error = (() => {
      try {
        loadCompiledPolicy(compiledJson(), { environment: 'prod' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CorsPolicyError);
    expect((error as CorsPolicyError).issues[0]).toMatchObject({ code: 'environments/unknown', value: 'prod' });
    expect((error as CorsPolicyError).message).toContain('staging');
  });

  it('never treats an environment named after an Object.prototype key as defined', () => {
    expect(() => loadCompiledPolicy(compiledJson(), { environment: 'constructor' })).toThrow(CorsPolicyError);
  });
});

describe('loadCompiledPolicy refuses data that would enforce something else than it says', () => {
  const tamper = (edit: (data: Record<string, any>) => void): unknown => {
    const data = compiledJson() as unknown as Record<string, any>;
    edit(data);
    return data;
  };
  it.each([
    ['a policy input instead of compiled data', input, /format must be "cors-policy\/compiled@2".*definePolicy/],
    ['another format version', tamper((d) => (d.format = 'cors-policy/compiled@99')), /format/],
    ['"*" with credentials', tamper((d) => (d.base.rules.anyOrigin = true)), /base\.rules\.anyOrigin must be false with credentials/],
    ['"*" as an exact origin', tamper((d) => d.base.rules.origins.push('*')), /base\.rules\.origins\[1\] must be a serialised origin/],
    ['"null" as an exact origin', tamper((d) => d.base.rules.origins.push('null')), /base\.rules\.origins\[1\]/],
    ['a comma-joined origin', tamper((d) => d.base.rules.origins.push('https://a.example,https://b.example')), /origins\[1\]/],
    ['a wildcard base without a dot (*.com)', tamper((d) => (d.base.rules.patterns[0].host = 'com')), /base\.rules\.patterns\[0\] must be a parsed origin pattern/],
    ['a truncated route list', tamper((d) => (d.base.routes = [{ path: '/x' }])), /base\.routes\[0\]\.disabled must be true or false/],
    ['a 2xx refused status', tamper((d) => (d.base.preflight.refusedStatus = 200)), /base\.preflight\.refusedStatus must be a whole number from 400 to 499/],
    ['a method that is not a token', tamper((d) => d.base.rules.methods.push('GET\r\nX: y')), /methods\[2\] must be an HTTP token/],
    ['an environment name that is not a slug', tamper((d) => (d.environments['Prod Env'] = d.environments.staging)), /environments\["Prod Env"\] must be named by a slug/],
    ['a selected environment it does not define', tamper((d) => (d.environment = 'qa')), /environment must be null or one of its environments/],
    ['null', null, /the value must be an object/],
    ['"*" with credentials on a route', tamper((d) => Object.assign(d.base.routes[1], { anyOrigin: true, credentials: true })), /base\.routes\[1\]\.anyOrigin must be false with credentials/],
    ['an origin with a path', tamper((d) => d.base.rules.origins.push('https://a.example/x')), /origins\[1\] must be a serialised origin/],
    ['a missing field', tamper((d) => delete d.base.rules.credentials), /base\.rules\.credentials must be true or false/],
  ])('%s', (_name, data, message) => {
    expect(() => loadCompiledPolicy(data)).toThrow(TypeError);
    expect(() => loadCompiledPolicy(data)).toThrow(message);
  });
});

describe('toRuntimePolicy (what lean adapters call)', () => {
  it('takes a loaded policy as it is, compiled data by loading it, and switches environment', () => {
    expect(toRuntimePolicy(authoring)).toBe(authoring);
    expect(toRuntimePolicy(authoring, 'staging').environment).toBe('staging');
    expect(toRuntimePolicy(compiledJson()).name).toBe('storefront');
    expect(toRuntimePolicy(compiledJson(), 'staging').environment).toBe('staging');
  });

  it('refuses raw policy input with a message that says how to load it', () => {
    expect(() => toRuntimePolicy(input)).toThrow(/definePolicy\(input\) from @org\/cors-core.*cors-policy compile/);
  });
});

describe('pattern index', () => {
  const many = definePolicy({ name: 'many', origins: Array.from({ length: 1000 }, (_, i) => `https://*.t${i}.example.com`) });
  const runtimePolicy = loadCompiledPolicy(compilePolicy(many));
  it.each([
    ['https://a.t0.example.com', true],
    ['https://a.b.t999.example.com', true],
    ['https://t5.example.com', false],
    ['https://a.t1000.example.com', false],
    ['https://a.t5.example.com.evil.example', false],
    ['http://a.t5.example.com', false],
    ['https://a.t5.example.com:8443', false],
    ['https://.t5.example.com', false],
  ])('%s is allowed: %s', (origin, allowed) => {
    expect(resolveCors(runtimePolicy, actualFacts(origin)).kind).toBe(allowed ? 'actual-allowed' : 'actual-refused');
    expect(resolveCors(many, actualFacts(origin)).kind).toBe(allowed ? 'actual-allowed' : 'actual-refused');
  });
});

describe('the runtime entry', () => {
  it('exports the resolver, the loader and both host writers, and nothing of authoring', () => {
    expect(Object.keys(runtime).sort()).toEqual([
      'COMPILED_POLICY_FORMAT', 'CONTINUE', 'CorsPolicyError', 'DecisionReason', 'MAX_ORIGIN_LENGTH', 'MAX_REQUEST_HEADERS_COUNT', 'MAX_REQUEST_HEADERS_LENGTH',
      'MAX_REQUEST_METHOD_LENGTH', 'bindOriginSources', 'closeSources', 'originPreparer', 'prepareOrigin', 'sourcesReady', 'isCompiledPolicyData', 'isRuntimePolicy', 'loadCompiledPolicy', 'mergeVary', 'nodeCorsHandler', 'preflightResponse', 'requestFacts',
      'resolveCors', 'selectPolicyEnvironment', 'toRuntimePolicy', 'webRequestFacts', 'withCorsHeaders', 'writeNodeDecision', 'writeWebDecision',
      // Decision events, report-only and developer mode
      'DeveloperModeError', 'EVENT_VALUE_CAP', 'REFUSAL_HEADER', 'assertDeveloperModeAllowed', 'compareDecisions', 'corsDecider', 'decisionEvent', 'isObserving',
      'decisionLogger', 'describeDecisionEvent', 'developerModeDecision', 'observedNodeCorsHandler', 'reportOnlyEvent', 'sanitizeEventValue',
    ].sort());
  });
});

describe('writeNodeDecision keeps Vary right on a real Node response', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  async function serve(app: (res: import('node:http').ServerResponse) => void): Promise<Response> {
    const decision: CorsDecision = resolveCors(authoring, actualFacts('https://app.example.com'));
    server = createServer((_req, res) => {
      writeNodeDecision(res, decision);
      app(res);
    });
    await new Promise<void>((ready) => server?.listen(0, '127.0.0.1', ready));
    return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { origin: 'https://app.example.com' } });
  }

  it('appends Origin to the Vary the app set before', async () => {
    const response = await serve((res) => res.end('ok'));
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('restores Origin when the app replaces Vary with setHeader afterwards', async () => {
    const response = await serve((res) => {
      res.setHeader('Vary', 'Accept-Encoding');
      res.end('ok');
    });
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Origin');
  });

  it('restores Origin when the app passes Vary to writeHead itself, without mutating the app’s object', async () => {
    const given = { Vary: 'Accept-Language', 'Content-Type': 'text/plain' };
    const response = await serve((res) => {
      res.writeHead(200, given);
      res.end('ok');
    });
    expect(response.headers.get('vary')).toBe('Accept-Language, Origin');
    expect(given.Vary).toBe('Accept-Language');
  });

  it('adds Origin once when the app appends it itself', async () => {
    const response = await serve((res) => {
      res.setHeader('Vary', 'origin, Accept');
      res.end('ok');
    });
    expect(response.headers.get('vary')).toBe('origin, Accept');
  });

  it('leaves Vary: * alone', async () => {
    const response = await serve((res) => {
      res.setHeader('Vary', '*');
      res.end('ok');
    });
    expect(response.headers.get('vary')).toBe('*');
  });
});

describe('selectPolicyEnvironment from the runtime entry (compiled policies)', () => {
  const lines: string[] = [];
  const logger = { info: (l: string) => lines.push(`info ${l}`), warn: (l: string) => lines.push(`warn ${l}`) };

  it('loads the base policy when the variable is unset or empty, and says so once', () => {
    lines.length = 0;
    const policy = loadCompiledPolicy(compiledJson());
    expect(runtime.selectPolicyEnvironment(policy, { env: { APP_ENV: '' }, logger }).environment).toBeUndefined();
    runtime.selectPolicyEnvironment(policy, { env: {}, logger });
    expect(lines).toEqual(['info CORS policy "storefront": loaded the base policy (APP_ENV is not set).']);
  });

  it('switches compiled data to the named environment', () => {
    const chosen = runtime.selectPolicyEnvironment(compiledJson(), { env: { APP_ENV: 'staging', NODE_ENV: 'production' }, logger });
    expect(chosen.environment).toBe('staging');
    expect(resolveCors(chosen, actualFacts('https://staging.example.com')).kind).toBe('actual-allowed');
  });

  it('refuses a development-only overlay in production unless allowed, and warns when allowed', () => {
    lines.length = 0;
    expect(() => runtime.selectPolicyEnvironment(compiledJson(), { env: { APP_ENV: 'development', NODE_ENV: 'production' }, logger })).toThrow(/developmentOnly/);
    const allowed = runtime.selectPolicyEnvironment(compiledJson(), { env: { APP_ENV: 'development', NODE_ENV: 'production' }, logger, allowDevelopmentOnlyInProduction: true });
    expect(allowed.environment).toBe('development');
    expect(lines.some((l) => l.startsWith('warn') && l.includes('allowDevelopmentOnlyInProduction'))).toBe(true);
    expect(runtime.selectPolicyEnvironment(compiledJson(), { env: { APP_ENV: 'development' }, logger }).environment).toBe('development');
  });

  it('names the known environments for an unknown one', () => {
    expect(() => runtime.selectPolicyEnvironment(compiledJson(), { env: { APP_ENV: 'qa' }, logger })).toThrow(/staging/);
  });
});

import {
  COMPILED_POLICY_FORMAT, type CompiledCorsPolicy, type CompiledOriginPattern, type CompiledPreflightData, type CompiledRulesData,
  type CompiledVariantData,
} from './compiled-data.js';
import { isEnvironmentName } from './environment-name.js';
import { isToken } from './http-tokens.js';
import { MAX_ORIGIN_LENGTH } from './origin-matcher.js';

/*
 * The runtime trusts compiled data to have passed the linter, but not to be well-formed: a file edited
 * by hand, truncated or produced by another version must fail loudly at load, never enforce something
 * weaker than it says. These checks are structural and cheap (linear, no parsing of hosts).
 */

type Checked<T> = (value: unknown, at: string) => T;

function fail(at: string, what: string): never {
  throw new TypeError(`Not a compiled CORS policy: ${at} ${what}. Compile the policy again with \`cors-policy compile\` or compilePolicy().`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const bool: Checked<boolean> = (v, at) => (typeof v === 'boolean' ? v : fail(at, 'must be true or false'));

function list<T>(item: Checked<T>): Checked<readonly T[]> {
  return (v, at) => {
    if (!Array.isArray(v)) fail(at, 'must be an array');
    for (let i = 0; i < v.length; i++) item(v[i], `${at}[${i}]`);
    return v as T[];
  };
}

const token: Checked<string> = (v, at) => (typeof v === 'string' && (v === '*' || isToken(v)) ? v : fail(at, 'must be an HTTP token'));

/** An exact origin as browsers send it: scheme://host[:port], no wildcard, never `null`. */
const exactOrigin: Checked<string> = (v, at) => {
  if (typeof v !== 'string' || v.length > MAX_ORIGIN_LENGTH || !v.includes('://') || /[\s,*/]/.test(v.slice(v.indexOf('://') + 3))) {
    fail(at, `must be a serialised origin (got ${JSON.stringify(v)?.slice(0, 80)})`);
  }
  return v;
};

const pattern: Checked<CompiledOriginPattern> = (v, at) => {
  if (!isRecord(v)) fail(at, 'must be an object');
  if (typeof v.scheme !== 'string' || !/^[a-z][a-z0-9+.-]*$/.test(v.scheme)) fail(`${at}.scheme`, 'must be a lower-case scheme');
  // A wildcard pattern's base must have a dot: `*.com` or a bare `*` never reaches compiled data.
  if (typeof v.host !== 'string' || v.host === '' || /[\s,*/:]/.test(v.host.replace(/^\[[0-9a-f:.]+\]$/, '')) || (v.wildcardHost === true && !v.host.includes('.'))) {
    fail(`${at}.host`, 'must be a host without wildcards');
  }
  bool(v.wildcardHost, `${at}.wildcardHost`);
  if (!(v.port === null || v.port === '*' || (Number.isInteger(v.port) && (v.port as number) >= 1 && (v.port as number) <= 65535))) fail(`${at}.port`, 'must be null, "*" or a port number');
  return v as unknown as CompiledOriginPattern;
};

const rules: Checked<CompiledRulesData> = (v, at) => {
  if (!isRecord(v)) fail(at, 'must be an object');
  bool(v.disabled, `${at}.disabled`);
  bool(v.anyOrigin, `${at}.anyOrigin`);
  bool(v.credentials, `${at}.credentials`);
  bool(v.privateNetwork, `${at}.privateNetwork`);
  if (v.anyOrigin === true && v.credentials === true) fail(`${at}.anyOrigin`, 'cannot be combined with credentials');
  list(exactOrigin)(v.origins, `${at}.origins`);
  list(pattern)(v.patterns, `${at}.patterns`);
  list(token)(v.methods, `${at}.methods`);
  list(token)(v.allowHeaders, `${at}.allowHeaders`);
  list(token)(v.exposeHeaders, `${at}.exposeHeaders`);
  if (!(v.maxAge === null || (Number.isInteger(v.maxAge) && (v.maxAge as number) >= 0))) fail(`${at}.maxAge`, 'must be null or a whole number of seconds');
  return v as unknown as CompiledRulesData;
};

const status = (v: unknown, at: string, min: number, max: number): number => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : fail(at, `must be a status from ${min} to ${max}`));

const preflight: Checked<CompiledPreflightData> = (v, at) => {
  if (!isRecord(v)) fail(at, 'must be an object');
  status(v.successStatus, `${at}.successStatus`, 200, 299);
  status(v.refusedStatus, `${at}.refusedStatus`, 400, 499);
  bool(v.continueToApp, `${at}.continueToApp`);
  bool(v.vary, `${at}.vary`);
  return v as unknown as CompiledPreflightData;
};

const variant: Checked<CompiledVariantData> = (v, at) => {
  if (!isRecord(v)) fail(at, 'must be an object');
  rules(v.rules, `${at}.rules`);
  list<unknown>((r, rAt) => {
    rules(r, rAt);
    const path = (r as { path?: unknown }).path;
    if (typeof path !== 'string' || !path.startsWith('/')) fail(`${rAt}.path`, 'must be a route pattern starting with "/"');
    return r;
  })(v.routes, `${at}.routes`);
  preflight(v.preflight, `${at}.preflight`);
  return v as unknown as CompiledVariantData;
};

/** Checks the shape of compiled data; throws a `TypeError` naming the first bad field. */
export function checkCompiledShape(value: unknown): CompiledCorsPolicy {
  if (!isRecord(value)) fail('the value', 'must be an object');
  if (value.format !== COMPILED_POLICY_FORMAT) {
    fail('format', `must be ${JSON.stringify(COMPILED_POLICY_FORMAT)} (got ${JSON.stringify(value.format) ?? 'nothing'}; a policy input must be loaded with definePolicy() instead)`);
  }
  if (typeof value.name !== 'string' || value.name === '') fail('name', 'must be a non-empty string');
  variant(value.base, 'base');
  if (!isRecord(value.environments)) fail('environments', 'must be an object');
  for (const name of Object.keys(value.environments)) {
    if (!isEnvironmentName(name)) fail(`environments.${JSON.stringify(name)}`, 'is not a valid environment name');
    const env = value.environments[name];
    variant(env, `environments.${name}`);
    bool((env as { developmentOnly?: unknown }).developmentOnly, `environments.${name}.developmentOnly`);
  }
  const selected = value.environment;
  if (!(selected === null || (typeof selected === 'string' && Object.prototype.hasOwnProperty.call(value.environments, selected)))) {
    fail('environment', 'must be null or the name of one of its environments');
  }
  return value as unknown as CompiledCorsPolicy;
}

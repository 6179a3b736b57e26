import { COMPILED_POLICY_FORMAT, type CompiledCorsPolicy } from './compiled-data.js';
import { isEnvironmentName } from './environment-name.js';
import { isToken } from './http-tokens.js';
import { MAX_ORIGIN_LENGTH } from './origin-matcher.js';
import { SOURCE_REFRESH_MAX, SOURCE_TIMEOUT_MAX, SOURCE_TIMEOUT_MIN } from './source-defaults.js';

/*
 * The runtime trusts compiled data to have passed the linter, but not to be well-formed: a file edited
 * by hand, truncated or produced by another version must fail loudly at load, never enforce something
 * weaker than it says. Structural and cheap (linear, no host parsing), and small: it ships in Edge
 * bundles, so the shapes are tables read by one walker rather than a function per field.
 */

type Check = readonly [test: (value: any) => boolean, expected: string];
type Shape = { readonly [key: string]: Check | Shape | readonly [Check | Shape] };

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
const bool: Check = [(v) => typeof v === 'boolean', 'true or false'];
const token: Check = [(v) => typeof v === 'string' && (v === '*' || isToken(v)), 'an HTTP token'];
const range = (min: number, max: number): Check => [(v) => Number.isInteger(v) && v >= min && v <= max, `a whole number from ${min} to ${max}`];
/** Exact origins as browsers send them: scheme://host[:port] — no wildcard, path, list or `null`. */
const origin: Check = [(v) => typeof v === 'string' && v.length <= MAX_ORIGIN_LENGTH && /^[a-z][a-z0-9+.-]*:\/\/[^\s,*/]+$/.test(v), 'a serialised origin'];
/** A wildcard pattern's base has a dot: `*.com` (a public suffix) never reaches compiled data. */
const pattern: Check = [
  (v) => isObject(v) && /^[a-z][a-z0-9+.-]*$/.test(v.scheme) && typeof v.host === 'string' && /^(?:\[[0-9a-f:.]+\]|[^\s,*/:[\]]+)$/.test(v.host)
    && typeof v.wildcardHost === 'boolean' && (!v.wildcardHost || v.host.includes('.')) && (v.port === null || v.port === '*' || range(1, 65535)[0](v.port)),
  'a parsed origin pattern',
];

/** An origin source: a slug name (it reaches logs and events), token methods, the policy's ranges. */
const source: Shape = {
  name: [(v) => typeof v === 'string' && isEnvironmentName(v), 'a slug'], credentials: bool, methods: [token],
  refreshSeconds: range(1, SOURCE_REFRESH_MAX), timeoutMs: range(SOURCE_TIMEOUT_MIN, SOURCE_TIMEOUT_MAX),
};
const rules: Shape = {
  disabled: bool, anyOrigin: bool, credentials: bool, privateNetwork: bool, origins: [origin], patterns: [pattern], methods: [token],
  allowHeaders: [token], exposeHeaders: [token], maxAge: [(v) => v === null || range(0, 2 ** 31)[0](v), 'null or seconds'], sources: [source],
};
const variant: Shape = {
  rules,
  routes: [{ ...rules, path: [(v) => typeof v === 'string' && v.startsWith('/'), 'a route pattern'] }],
  preflight: { refusedStatus: range(400, 499), successStatus: range(200, 299), continueToApp: bool, vary: bool },
};

function fail(at: string, expected: string): never {
  throw new TypeError(`Not a compiled CORS policy: ${at} must be ${expected}. Compile it again with \`cors-policy compile\` or compilePolicy().`);
}

function walk(value: any, shape: Check | Shape | readonly [Check | Shape], at: string): void {
  if (Array.isArray(shape) && shape.length === 2) {
    if (!(shape as Check)[0](value)) fail(at, (shape as Check)[1]);
  } else if (Array.isArray(shape)) {
    if (!Array.isArray(value)) fail(at, 'an array');
    for (let i = 0; i < value.length; i++) walk(value[i], shape[0], `${at}[${i}]`);
  } else {
    if (!isObject(value)) fail(at, 'an object');
    for (const key of Object.keys(shape)) walk(value[key], (shape as Shape)[key] as Shape, `${at}.${key}`);
  }
}

/** Checks the shape of compiled data; throws a `TypeError` naming the first bad field. */
export function checkCompiledShape(value: any): CompiledCorsPolicy {
  if (!isObject(value)) fail('the value', 'an object');
  // A policy input passed here by mistake has no format: say what to do with it. Data of another
  // format version (`cors-policy/compiled@1`) is refused the same way: compile it again.
  if (value.format !== COMPILED_POLICY_FORMAT) fail('format', `${JSON.stringify(COMPILED_POLICY_FORMAT)} (data from an older or newer compiler: compile it again; policy input is loaded with definePolicy())`);
  if (typeof value.name !== 'string' || value.name === '') fail('name', 'a non-empty string');
  walk(value.base, variant, 'base');
  if (!isObject(value.environments)) fail('environments', 'an object');
  for (const name of Object.keys(value.environments)) {
    if (!isEnvironmentName(name)) fail(`environments[${JSON.stringify(name)}]`, 'named by a slug');
    walk(value.environments[name], { ...variant, developmentOnly: bool }, `environments.${name}`);
  }
  const selected = value.environment;
  if (!(selected === null || Object.hasOwn(value.environments, selected))) fail('environment', 'null or one of its environments');
  for (const [at, data] of [['base', value.base], ...Object.entries(value.environments).map(([n, e]) => [`environments.${n}`, e])] as [string, any][]) {
    for (const [i, r] of [data.rules, ...data.routes].entries()) {
      const where = `${at}.${i === 0 ? 'rules' : `routes[${i - 1}]`}`;
      if (r.anyOrigin && r.credentials) fail(`${where}.anyOrigin`, 'false with credentials');
      if (r.sources.length > 0 && (r.anyOrigin || r.disabled)) fail(`${where}.sources`, 'empty with `*` origins or a disabled rule');
      if (new Set(r.sources.map((s: { name: string }) => s.name)).size !== r.sources.length) fail(`${where}.sources`, 'a list of distinct sources');
    }
  }
  return value;
}

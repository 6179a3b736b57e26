import { isEnvironmentName, suggestEnvironmentName, unknownEnvironmentIssue } from './environment-name.js';
import { SOURCE_REFRESH_DEFAULT, SOURCE_REFRESH_MAX, SOURCE_TIMEOUT_DEFAULT, SOURCE_TIMEOUT_MAX, SOURCE_TIMEOUT_MIN } from './source-defaults.js';
import { analyseOriginEntry, isLoopbackHost, type OriginAnalyser } from './origin-entry.js';
import type { IssuePath, PolicyIssue } from './policy-issue.js';
import type { PolicyInput } from './policy-schema.js';
import { routeContexts, topContext, type Located, type RuleContext } from './rule-context.js';
import { routePatternProblem } from './route-pattern.js';
import { describeSourceCredentials } from './source-wording.js';
import type { RuleCode, Severity } from './rules.js';
import {
  FORBIDDEN_METHODS, asciiLower, isForbiddenRequestHeader, isPreflightOnlyResponseHeader, isRequestOnlyHeader, isResponseOnlyHeader, isToken,
  normalizeMethod,
} from './http-tokens.js';

/** Browsers' preflight cache caps, in seconds. */
export const CHROMIUM_MAX_AGE_CAP = 7200;
export const FIREFOX_MAX_AGE_CAP = 86400;

/** `value`: the one offending value as written (origin entry, method, header name…), when there is one. */
type Push = (code: RuleCode, severity: Severity, path: IssuePath, message: string, hint: string, value?: string) => void;

function collector(): { issues: PolicyIssue[]; push: Push } {
  const issues: PolicyIssue[] = [];
  return { issues, push: (code, severity, path, message, hint, value) => issues.push(value === undefined ? { code, severity, path, message, hint } : { code, severity, path, message, hint, value }) };
}

function duplicates(values: readonly Located<string>[], key: (v: string) => string, push: Push, what: string): void {
  const seen = new Set<string>();
  for (const { value, path } of values) {
    const k = key(value);
    if (seen.has(k)) push('policy/duplicate-entry', 'warning', path, `${what} ${JSON.stringify(value)} is listed more than once.`, 'Remove the repeated entry.', value);
    seen.add(k);
  }
}

/** Checks the rules in force at one place of the policy. */
export function lintContext(ctx: RuleContext, analyse: OriginAnalyser = analyseOriginEntry): PolicyIssue[] {
  const { issues, push } = collector();
  const creds = ctx.credentials.value;
  const credWhere = `credentials are on (${ctx.label})`;
  if (ctx.disabled) {
    // A disabled route answers nothing; a source it lists itself could never be consulted.
    for (const { value, path } of ctx.sources) {
      if (path[0] === 'routes') push('origins/source-in-disabled-route', 'error', path, `The source ${JSON.stringify(value.source)} is listed in ${ctx.label}, which turns CORS off.`, 'Remove the source from the disabled route, or drop `disabled: true`.', value.source);
    }
    return issues;
  }

  if (ctx.origins.length === 0 && ctx.sources.length === 0) {
    push('origins/empty', 'error', ctx.routeIndex === undefined ? ['origins'] : ['routes', ctx.routeIndex, 'origins'], `No origins are allowed (${ctx.label}).`, 'List the origins that may call this API, or mark the route `disabled: true`.');
  }
  const star = ctx.origins.find((o) => o.value === '*');
  if (star !== undefined) {
    if (creds) push('origins/wildcard-with-credentials', 'error', star.path, `"*" allows every site, and ${credWhere}: browsers refuse this, and "fixing" it would hand every site your users' data.`, 'List the exact origins that need cookies, or turn credentials off for a public API.', '*');
    if (ctx.origins.length > 1) push('origins/wildcard-mixed', 'error', star.path, `"*" is listed together with other origins (${ctx.label}).`, 'Keep either "*" alone (public, no credentials) or only the specific origins.', '*');
    if (ctx.privateNetwork.value) push('private-network/with-wildcard', 'error', ctx.privateNetwork.path, `Private Network Access is enabled for "*" origins (${ctx.label}).`, 'List the exact origins allowed to reach the private network.');
  }
  for (const { value, path } of ctx.origins) {
    const { entry, findings } = analyse(value);
    for (const f of findings) {
      const severity: Severity = f.credentialSensitive ? (creds ? 'error' : 'warning') : f.code === 'origins/unsupported-scheme' ? 'warning' : 'error';
      push(f.code, severity, path, f.message, f.hint, value);
    }
    const scheme = entry.kind === 'exact' ? entry.scheme : entry.kind === 'pattern' ? entry.pattern.scheme : undefined;
    const host = entry.kind === 'exact' ? entry.host : entry.kind === 'pattern' ? entry.pattern.host : '';
    if (creds && scheme === 'http' && !isLoopbackHost(host)) {
      push('origins/insecure-with-credentials', 'warning', path, `${JSON.stringify(value)} is plain http and ${credWhere}: anyone on the network path can inject script there and read users' data.`, `Use "https://${value.slice('http://'.length)}", or keep http only for loopback development origins.`, value);
    }
  }
  duplicates(ctx.origins, (v) => v, push, 'Origin');
  lintSources(ctx, push);

  lintMethods(ctx.methods, push);

  let allowStar = false;
  let allowAuthorization = false;
  for (const { value, path } of ctx.allowHeaders) {
    if (value === '*') { allowStar = true; continue; }
    const lower = asciiLower(value);
    if (!isToken(value)) push('headers/invalid-token', 'error', path, `${JSON.stringify(value)} is not a header name.`, 'List each header name as its own entry, e.g. ["Content-Type", "Authorization"].', value);
    else if (isForbiddenRequestHeader(lower)) push('headers/forbidden-request-header', 'error', path, `${value} is a forbidden request header: pages cannot set it.`, lower === 'cookie' ? 'Remove it; cookies travel when `credentials` is true.' : 'Remove it.', value);
    else if (isResponseOnlyHeader(lower)) push('headers/response-only', 'error', path, `${value} is a response header; pages never send it.`, 'Remove it; to let pages read a response header, list it in `exposeHeaders`.', value);
    if (lower === 'authorization') allowAuthorization = true;
  }
  if (allowStar && !allowAuthorization) {
    const star = ctx.allowHeaders.find((h) => h.value === '*');
    push('headers/wildcard-excludes-authorization', 'info', star?.path ?? ['allowHeaders'], '"*" allows any request header except Authorization (Fetch standard).', 'Add "Authorization" if pages send it.', '*');
  }
  duplicates(ctx.allowHeaders, asciiLower, push, 'Header');

  for (const { value, path } of ctx.exposeHeaders) {
    if (value === '*') {
      if (creds) push('expose/wildcard-with-credentials', 'error', path, `"*" in exposeHeaders while ${credWhere}: browsers read it literally, exposing nothing.`, 'List the response headers pages need to read.', '*');
      continue;
    }
    const lower = asciiLower(value);
    if (!isToken(value)) push('expose/invalid-token', 'error', path, `${JSON.stringify(value)} is not a header name.`, 'List each header name as its own entry.', value);
    else if (lower === 'set-cookie' || lower === 'set-cookie2') push('expose/set-cookie', 'error', path, `${value} can never be exposed to scripts.`, 'Remove it; cookies are handled by the browser.', value);
    else if (isRequestOnlyHeader(lower)) push('expose/request-only', 'error', path, `${value} is a request header; responses do not carry it.`, 'Remove it; to let pages send it, list it in `allowHeaders`.', value);
    else if (isPreflightOnlyResponseHeader(lower)) push('expose/preflight-only', 'warning', path, `${value} belongs on preflight responses, which scripts never see; exposing it on actual responses does nothing unless the app sends it there too.`, 'Remove it; the CORS layer already sends it on preflights, where the browser reads it.', value);
  }
  duplicates(ctx.exposeHeaders, asciiLower, push, 'Exposed header');

  if (ctx.maxAge !== undefined) {
    const { value, path } = ctx.maxAge;
    if (!Number.isInteger(value) || value < 0 || value > FIREFOX_MAX_AGE_CAP) {
      push('max-age/invalid', 'error', path, `maxAge ${value} is not an integer from 0 to ${FIREFOX_MAX_AGE_CAP}.`, 'Use whole seconds, e.g. 600 (10 minutes); 0 disables preflight caching.', String(value));
    } else if (value > CHROMIUM_MAX_AGE_CAP) {
      push('max-age/above-browser-cap', 'warning', path, `maxAge ${value} s exceeds Chromium's cap of ${CHROMIUM_MAX_AGE_CAP} s; Chromium caches for 2 hours at most.`, `Use ${CHROMIUM_MAX_AGE_CAP} or less, or acknowledge the warning if Firefox's longer cache matters.`, String(value));
    }
  }
  if (ctx.privateNetwork.value) {
    push('private-network/deprecated', 'warning', ctx.privateNetwork.path, 'Private Network Access is on hold in Chrome; this opt-in may change or stop working.', 'Keep it only if a public site must reach a device on users\' private networks; acknowledge the warning to keep it.');
  }
  return issues;
}

function lintMethods(methods: readonly Located<string>[], push: Push): void {
  for (const { value, path } of methods) {
    if (value === '*') continue;
    if (!isToken(value)) {
      push('methods/invalid-token', 'error', path, `${JSON.stringify(value)} is not a single HTTP method token.`, value.includes(',') || /\s/.test(value) ? 'List each method as its own entry, e.g. ["GET", "POST"].' : 'Use a method name such as "PUT" or "PATCH".', value);
    } else if (FORBIDDEN_METHODS.has(value.toUpperCase())) {
      push('methods/forbidden', 'error', path, `${value} is a forbidden method: browsers never send it.`, 'Remove it.', value);
    } else if (normalizeMethod(value) === value && value !== value.toUpperCase()) {
      push('methods/not-uppercase', 'warning', path, `${JSON.stringify(value)} is lower-case; browsers send "${value}" only if a script wrote it so, and it differs from "${value.toUpperCase()}".`, `Write "${value.toUpperCase()}".`, value);
    }
  }
  duplicates(methods, normalizeMethod, push, 'Method');
}

/** Origin sources: name, ranges, their own methods, and where they may not be listed. */
function lintSources(ctx: RuleContext, push: Push): void {
  const seen = new Set<string>();
  const star = ctx.origins.some((o) => o.value === '*');
  for (const { value: source, path } of ctx.sources) {
    const name = source.source;
    if (!isEnvironmentName(name)) {
      push('origins/source-invalid-name', 'error', [...path, 'source'], `The source name ${JSON.stringify(name)} is not a lower-case slug.`, `Use a lower-case letter then letters, digits or dashes, e.g. ${JSON.stringify(suggestEnvironmentName(name))}.`, name);
    }
    if (seen.has(name)) push('origins/source-duplicate', 'error', path, `The source ${JSON.stringify(name)} is listed more than once (${ctx.label}).`, 'Keep one entry per source in a list.', name);
    seen.add(name);
    if (star) push('origins/source-with-wildcard', 'error', path, `The source ${JSON.stringify(name)} is listed together with "*" (${ctx.label}).`, 'Keep either "*" alone (public, no credentials) or the specific origins and sources.', name);
    const { refreshSeconds, timeoutMs } = source;
    if (refreshSeconds !== undefined && !(Number.isInteger(refreshSeconds) && refreshSeconds >= 1 && refreshSeconds <= SOURCE_REFRESH_MAX)) {
      push('origins/source-invalid-refresh', 'error', [...path, 'refreshSeconds'], `refreshSeconds ${refreshSeconds} is not a whole number from 1 to ${SOURCE_REFRESH_MAX}.`, `Use whole seconds, e.g. ${SOURCE_REFRESH_DEFAULT} (the default).`, String(refreshSeconds));
    }
    if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs >= SOURCE_TIMEOUT_MIN && timeoutMs <= SOURCE_TIMEOUT_MAX)) {
      push('origins/source-invalid-timeout', 'error', [...path, 'timeoutMs'], `timeoutMs ${timeoutMs} is not a whole number from ${SOURCE_TIMEOUT_MIN} to ${SOURCE_TIMEOUT_MAX}.`, `Use whole milliseconds, e.g. ${SOURCE_TIMEOUT_DEFAULT} (the default).`, String(timeoutMs));
    }
    if (source.credentials === true) {
      push('origins/source-with-credentials', 'warning', [...path, 'credentials'], `The source ${JSON.stringify(name)}: ${describeSourceCredentials(true)} — every site its provider names, tenant-controlled, may read responses with the user's cookies.`, 'Turn credentials off for the source, or acknowledge the warning if tenants\' sites must make credentialed calls.', name);
    }
    if (source.methods !== undefined) lintMethods(source.methods.map((m, i) => ({ value: m, path: [...path, 'methods', i] })), push);
  }
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks that do not depend on where rules apply: name, preflight settings, route paths. */
export function lintPolicyLevel(input: PolicyInput, requestedEnvironment: string | undefined): PolicyIssue[] {
  const { issues, push } = collector();
  if (!NAME.test(input.name)) {
    push('policy/invalid-name', 'error', ['name'], `The name ${JSON.stringify(input.name)} is not a lower-case slug.`, `Use lower-case letters, digits and dashes, e.g. "${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'my-api'}".`, input.name);
  }
  const p = input.preflight;
  if (p?.refusedStatus !== undefined && !(Number.isInteger(p.refusedStatus) && p.refusedStatus >= 400 && p.refusedStatus <= 499)) {
    push('preflight/invalid-status', 'error', ['preflight', 'refusedStatus'], `refusedStatus ${p.refusedStatus} is not a 4xx status; browsers treat 2xx as success.`, 'Use 403 (the default) or another 4xx.', String(p.refusedStatus));
  }
  if (p?.successStatus !== undefined && !(Number.isInteger(p.successStatus) && p.successStatus >= 200 && p.successStatus <= 299)) {
    push('preflight/invalid-status', 'error', ['preflight', 'successStatus'], `successStatus ${p.successStatus} is not an ok (2xx) status; browsers would fail the preflight.`, 'Use 204 (the default) or 200.', String(p.successStatus));
  }
  const seen = new Map<string, number>();
  (input.routes ?? []).forEach((route, index) => {
    const problem = routePatternProblem(route.path);
    if (problem !== undefined) push('routes/invalid-path', 'error', ['routes', index, 'path'], `Route path ${JSON.stringify(route.path)}: ${problem}.`, 'Start with "/", use literal segments, "*" for one segment and a final "**" for any depth, e.g. "/public/**".', route.path);
    const earlier = seen.get(route.path) ?? [...seen.entries()].find(([path]) => path === '/**')?.[1];
    if (earlier !== undefined) push('routes/shadowed', 'warning', ['routes', index, 'path'], `Route ${JSON.stringify(route.path)} never applies: routes[${earlier}] matches first.`, 'Move the more specific rule before the general one, or remove it.', route.path);
    if (!seen.has(route.path)) seen.set(route.path, index);
  });
  (input.expectations ?? []).forEach((e, index) => {
    if (e.environment !== undefined && !Object.prototype.hasOwnProperty.call(input.environments ?? {}, e.environment)) {
      push('environments/unknown', 'error', ['expectations', index, 'environment'], `The expectation names the environment ${JSON.stringify(e.environment)}, which the policy does not define.`, 'Use one of the environments under `environments`, or omit it for the base policy.', e.environment);
    }
  });
  for (const name of Object.keys(input.environments ?? {})) {
    if (!isEnvironmentName(name)) {
      push('environments/invalid-name', 'error', ['environments', name], `The environment name ${JSON.stringify(name)} is not a lower-case slug.`, `Use a lower-case letter then up to 62 letters, digits or dashes, e.g. ${JSON.stringify(suggestEnvironmentName(name))}.`, name);
    }
  }
  if (requestedEnvironment !== undefined && !Object.prototype.hasOwnProperty.call(input.environments ?? {}, requestedEnvironment)) {
    issues.push(unknownEnvironmentIssue(requestedEnvironment, Object.keys(input.environments ?? {})));
  }
  return issues;
}

/** Overlay names that conventionally mean "a developer's machine". */
const DEVELOPMENT_NAMES: ReadonlySet<string> = new Set(['development', 'dev', 'local', 'test']);

/**
 * A development-named overlay that adds origins allowed with credentials should say `developmentOnly`,
 * so that selecting it in production is refused instead of silently widening who reads users' data.
 */
export function lintDevelopmentMarkers(input: PolicyInput): PolicyIssue[] {
  const { issues, push } = collector();
  for (const [name, overlay] of Object.entries(input.environments ?? {})) {
    if (!DEVELOPMENT_NAMES.has(name) || overlay.developmentOnly === true || (overlay.origins ?? []).length === 0) continue;
    const top = topContext(input, name);
    const added = (ctx: RuleContext) => !ctx.disabled && ctx.credentials.value && ctx.origins.some((o) => o.path[0] === 'environments' && o.path[1] === name);
    if (![top, ...routeContexts(input, top)].some(added)) continue;
    push(
      'environments/development-not-marked',
      'warning',
      ['environments', name],
      `The ${name} overlay adds origins that may call with credentials, but is not marked developmentOnly: a production service started with it selected would trust them.`,
      'Add `developmentOnly: true` to the overlay: selectPolicyEnvironment then refuses it when NODE_ENV is "production".',
      name,
    );
  }
  return issues;
}

import { describeReason, explain, policyForEnvironment } from '@org/cors-core';
import type { CorsPolicy, DecisionReason, ExplainRequest, HeaderPairs } from '@org/cors-core';
import { originKind, patternBase, titleCaseHeader } from './describe.js';
import { code, text, type Text } from './text.js';

type Rules = CorsPolicy['rules'];

/** One canonical request and what the policy (through core's `explain`) answers. */
export interface AuditDecisionRow {
  /** What the row shows, e.g. "Credentialed GET from an allowed origin". */
  readonly label: Text;
  readonly request: ExplainRequest & { readonly method: string; readonly path: string };
  /** The environment overlay the policy was loaded with for this row (`undefined`: the base policy). */
  readonly environment: string | undefined;
  readonly allowed: boolean;
  readonly preflight: 'not needed' | 'allowed' | 'refused';
  /** The reason of the deciding answer (the preflight's when it was refused). */
  readonly reason: DecisionReason;
  /** The route rule that governed the request, if any. */
  readonly route: string | undefined;
  readonly summary: string;
  /** Why, in words: what let the page read the response, or what stopped it. */
  readonly why: string;
  /** Headers the server sends: the preflight's (if any), then the actual response's. */
  readonly preflightHeaders: HeaderPairs;
  readonly responseHeaders: HeaderPairs;
}

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);
const UNLISTED_ORIGIN = 'https://attacker.example';

/**
 * The decision table: who may do what. Canonical requests for the top level and each route rule
 * (allowed and unlisted origins, credentials, a JSON POST, a non-simple method, an unlisted header,
 * look-alikes of each pattern, a plain-http downgrade, the `null` origin), then for each environment
 * overlay the first origin it adds, asked of the base policy and of the policy loaded for it.
 * The one source of these rows for `cors-policy render` and the docs site.
 *
 * @example
 * for (const row of decisionRows(policy)) console.log(textToPlain(row.label), row.allowed);
 */
export function decisionRows(policy: CorsPolicy): AuditDecisionRow[] {
  const rows: AuditDecisionRow[] = [];
  const add = (label: Text, request: AuditDecisionRow['request']) => rows.push(decisionRow(policy, label, request));
  addScopeRows(policy.rules, '/', add);
  policy.routes.forEach((route) => {
    const path = samplePath(route.path);
    if (route.disabled) {
      const origin = firstAllowedOrigin(policy.rules) ?? UNLISTED_ORIGIN;
      add(text`GET ${path} (CORS off) from ${origin}`, { origin, method: 'GET', path });
      return;
    }
    const origin = firstAllowedOrigin(route) ?? 'https://any-site.example';
    add(text`GET ${path} from an allowed origin`, { origin, method: 'GET', path, credentials: false });
    add(text`Credentialed GET ${path} from an allowed origin`, { origin, method: 'GET', path, credentials: true });
    if (!route.origins.includes('*')) add(text`GET ${path} from an unlisted origin`, { origin: UNLISTED_ORIGIN, method: 'GET', path });
  });
  if (policy.environment === undefined) rows.push(...environmentDecisionRows(policy));
  return rows;
}

/** For each overlay: the first top-level origin it adds, asked of the base policy and of the policy loaded for that overlay. */
export function environmentDecisionRows(policy: CorsPolicy): AuditDecisionRow[] {
  const rows: AuditDecisionRow[] = [];
  for (const name of policy.environments) {
    const loaded = policyForEnvironment(policy, name);
    const added = loaded.rules.origins.find((o) => o !== '*' && !policy.rules.origins.includes(o));
    if (added === undefined) continue;
    const request = { origin: sampleOrigin(added), method: 'GET', path: '/', credentials: loaded.rules.credentials };
    rows.push(decisionRow(policy, text`Origin added for ${code(name)}, policy loaded without an environment`, request));
    rows.push(decisionRow(loaded, text`Origin added for ${code(name)}, policy loaded for ${code(name)}`, request));
  }
  return rows;
}

/** A concrete origin a pattern matches (`https://*.x.com:*` → `https://app.x.com:8443`). */
function sampleOrigin(entry: string): string {
  return entry.replace('://*.', '://app.').replace(/:\*$/, ':8443');
}

/** A concrete path a route pattern matches (`/public/**` → `/public/example`). */
function samplePath(pattern: string): string {
  const path = pattern
    .split('/')
    .map((segment) => (segment === '*' || segment === '**' ? 'example' : segment))
    .join('/');
  return path === '' ? '/' : path;
}

function addScopeRows(rules: Rules, path: string, add: (label: Text, request: AuditDecisionRow['request']) => void): void {
  const any = rules.origins.includes('*');
  const origin = firstAllowedOrigin(rules) ?? 'https://any-site.example';
  add(['Simple GET from an allowed origin'], { origin, method: 'GET', path });
  add(['Credentialed GET from an allowed origin'], { origin, method: 'GET', path, credentials: true });
  add(['JSON POST from an allowed origin'], { origin, method: 'POST', path, headers: ['Content-Type'], credentials: rules.credentials });
  const nonSimple = rules.methods.find((m) => m !== '*' && !SAFELISTED_METHODS.has(m));
  if (nonSimple !== undefined) {
    const headers = ['content-type', 'authorization'].filter((h) => rules.allowHeaders.includes(h)).map(titleCaseHeader);
    add(text`${nonSimple}${headers.length > 0 ? ` with ${headers.join(' and ')}` : ''} from an allowed origin`, {
      origin,
      method: nonSimple,
      path,
      headers,
      credentials: rules.credentials,
    });
  }
  if (!rules.methods.includes('*')) {
    const unlisted = ['PATCH', 'DELETE', 'PUT'].find((m) => !rules.methods.includes(m));
    if (unlisted !== undefined) add(text`${unlisted} (not listed) from an allowed origin`, { origin, method: unlisted, path, credentials: rules.credentials });
  }
  if (!rules.allowHeaders.includes('*')) {
    add(['An unlisted request header from an allowed origin'], { origin, method: 'GET', path, headers: ['X-Unlisted-Header'], credentials: rules.credentials });
  }
  if (!any) {
    add(['GET from an unlisted origin'], { origin: UNLISTED_ORIGIN, method: 'GET', path, credentials: rules.credentials });
    for (const entry of rules.origins.filter((o) => originKind(o) === 'pattern')) {
      const base = patternBase(entry);
      if (base === undefined) continue;
      const scheme = entry.slice(0, entry.indexOf('://'));
      add(text`GET from a look-alike of ${code(entry)}`, { origin: `${scheme}://${base}.attacker.example`, method: 'GET', path, credentials: rules.credentials });
    }
    const https = rules.origins.find((o) => originKind(o) === 'exact' && o.startsWith('https://'));
    if (https !== undefined) {
      const downgraded = `http://${https.slice('https://'.length)}`;
      if (!rules.origins.includes(downgraded)) add(text`GET from ${code(downgraded)} (plain http)`, { origin: downgraded, method: 'GET', path, credentials: rules.credentials });
    }
  }
  add(text`GET from the ${code('null')} origin (sandboxed iframe)`, { origin: 'null', method: 'GET', path, credentials: rules.credentials });
}

/** The first origin a page could call from: an exact one, else a sample of the first pattern. */
export function firstAllowedOrigin(rules: Rules): string | undefined {
  if (rules.origins.includes('*')) return undefined;
  const exact = rules.origins.find((o) => originKind(o) === 'exact' && o !== 'null');
  if (exact !== undefined) return exact;
  const pattern = rules.origins.find((o) => originKind(o) === 'pattern');
  return pattern === undefined ? undefined : sampleOrigin(pattern);
}

/** One request asked of `policy` through core's `explain()`, as a decision-table row. */
export function decisionRow(policy: CorsPolicy, label: Text, request: AuditDecisionRow['request']): AuditDecisionRow {
  const explanation = explain(policy, request);
  const preflightDecision = explanation.preflight.decision;
  const refusedAtPreflight = preflightDecision !== undefined && preflightDecision.kind !== 'preflight-allowed';
  const deciding = refusedAtPreflight ? preflightDecision : explanation.actual;
  return {
    label,
    request,
    environment: policy.environment,
    allowed: explanation.allowed,
    preflight: !explanation.preflight.needed ? 'not needed' : preflightDecision?.kind === 'preflight-allowed' ? 'allowed' : 'refused',
    reason: deciding.reason,
    route: deciding.route?.path,
    summary: explanation.summary,
    why: describeReason(deciding.reason),
    preflightHeaders: preflightDecision?.headers ?? [],
    responseHeaders: refusedAtPreflight ? [] : explanation.actual.headers,
  };
}

import { CHROMIUM_MAX_AGE_CAP, FIREFOX_MAX_AGE_CAP, checkExpectations, describeReason, explain, policyForEnvironment, sortIssues } from '@org/cors-core';
import type { CorsPolicy, DecisionReason, ExplainRequest, HeaderPairs, PolicyIssue } from '@org/cors-core';
import {
  DEFAULT_BROWSER_MAX_AGE,
  humanDuration,
  isLoopbackOrigin,
  listInWords,
  originKind,
  patternBase,
  titleCaseHeader,
  type OriginKind,
} from './describe.js';
import { diffPolicies, type PolicyChange } from './policy-diff.js';

type Rules = CorsPolicy['rules'];

/** How much trust an origin entry hands out. */
export type RiskLevel = 'high' | 'medium' | 'low';

/** One origin entry with its risk and the reasons for it. */
export interface AuditOrigin {
  readonly origin: string;
  readonly kind: OriginKind;
  readonly risk: RiskLevel;
  /** Why the risk is what it is, and any finding about this entry. */
  readonly notes: readonly string[];
}

/** `Access-Control-Max-Age` in human units, against what browsers actually honour. */
export interface AuditMaxAge {
  /** `undefined`: no header, browsers use their default (5 seconds). */
  readonly seconds: number | undefined;
  readonly human: string;
  /** What Chromium (cap 7200 s) and Firefox (cap 86400 s) will actually cache, in seconds. */
  readonly chromium: number;
  readonly firefox: number;
  readonly sentence: string;
}

/** A set of effective rules (top level or one route), described. */
export interface AuditRules {
  readonly origins: readonly AuditOrigin[];
  readonly credentials: boolean;
  readonly methods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: AuditMaxAge;
  readonly privateNetwork: boolean;
  /** Plain-English sentences: who may call, how, and for how long browsers remember it. */
  readonly sentences: readonly string[];
}

export interface AuditRoute {
  readonly path: string;
  readonly description: string | undefined;
  readonly disabled: boolean;
  /** The fields this rule sets itself; the others are inherited from the top level. */
  readonly overrides: readonly string[];
  readonly rules: AuditRules;
  readonly sentence: string;
}

export interface AuditEnvironment {
  readonly name: string;
  readonly description: string | undefined;
  /** What selecting this overlay changes, each change classified (see `diffPolicies`). */
  readonly changes: readonly PolicyChange[];
  readonly sentence: string;
}

/** One canonical request and what the policy (through core's `explain`) answers. */
export interface AuditDecisionRow {
  /** What the row shows, e.g. "Credentialed GET from an allowed origin". */
  readonly label: string;
  readonly request: ExplainRequest & { readonly method: string; readonly path: string };
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

/** One of the owners' declared expectations, beside what the policy actually answers. */
export interface AuditExpectation {
  readonly description: string | undefined;
  readonly environment: string | undefined;
  readonly request: ExplainRequest;
  readonly expected: boolean;
  readonly actual: boolean;
  readonly pass: boolean;
  readonly summary: string;
}

/** Everything an auditor needs to know about one policy, in words and tables. */
export interface AuditModel {
  readonly name: string;
  readonly description: string | undefined;
  readonly owners: readonly string[];
  /** The environment overlay the policy was loaded with, if any. */
  readonly environment: string | undefined;
  /** The plain-English summary, a few sentences. */
  readonly summary: readonly string[];
  readonly rules: AuditRules;
  readonly preflight: CorsPolicy['preflight'] & { readonly sentences: readonly string[] };
  readonly routes: readonly AuditRoute[];
  readonly environments: readonly AuditEnvironment[];
  /** Unacknowledged findings, most severe first. */
  readonly findings: readonly PolicyIssue[];
  /** Warnings the owners accepted, each with its written justification. */
  readonly acknowledged: readonly PolicyIssue[];
  readonly decisions: readonly AuditDecisionRow[];
  /** The owners' expectations (verified by core at load, so they pass for any policy that loaded). */
  readonly expectations: readonly AuditExpectation[];
}

const riskRank: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);
const UNLISTED_ORIGIN = 'https://attacker.example';

/**
 * Builds the auditor's view of a policy: a plain-English summary, origins with risk notes, methods,
 * headers, max-age against browser caps, route rules, environment overlays, findings, and a decision
 * table of canonical requests computed by core's `explain()`.
 *
 * Pure (no I/O, no `node:` imports), so the docs app renders the same model as `cors-policy render`.
 *
 * @example
 * const model = buildAuditModel(apiPolicy);
 * model.summary[0]; // "Pages on https://myapp.com and https://admin.myapp.com may call this API with the user's cookies…"
 */
export function buildAuditModel(policy: CorsPolicy): AuditModel {
  const findings = sortIssues(policy.findings);
  const rules = describeRules(policy.rules, findings, ['origins']);
  const routes = policy.routes.map((route, index): AuditRoute => {
    const source = (policy.source.routes?.[index] ?? {}) as Record<string, unknown>;
    const overrides = ['origins', 'credentials', 'methods', 'allowHeaders', 'exposeHeaders', 'maxAge', 'privateNetwork'].filter(
      (field) => source[field] !== undefined,
    );
    const routeRules = describeRules(route, findings, ['routes', index, 'origins']);
    return {
      path: route.path,
      description: route.description,
      disabled: route.disabled,
      overrides,
      rules: routeRules,
      sentence: route.disabled
        ? `On \`${route.path}\`, CORS is off: no other website may read responses.`
        : `On \`${route.path}\`, ${lowerFirst(routeRules.sentences[0] ?? '')}`,
    };
  });
  const environments = policy.environments.map((name): AuditEnvironment => {
    const overlay = policy.source.environments?.[name];
    const selected = policyForEnvironment(policy, name);
    // The overlay's effect is the diff between the base policy and the policy loaded with it.
    const changes = diffPolicies(policy, selected).changes;
    return { name, description: overlay?.description, changes, sentence: environmentSentence(name, changes) };
  });
  const preflightSentences = [
    `Allowed preflights are answered ${policy.preflight.successStatus}${policy.preflight.continueToApp ? ' and then handed to the application' : ''}; refused ones ${policy.preflight.refusedStatus}, with no CORS headers.`,
    policy.preflight.vary
      ? 'Preflight responses carry `Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers`, so caches keep answers apart.'
      : 'Preflight responses carry no `Vary`: safe only if no cache stores OPTIONS responses.',
  ];
  return {
    name: policy.name,
    description: policy.description,
    owners: policy.owners,
    environment: policy.environment,
    summary: [
      ...rules.sentences,
      ...routes.map((r) => r.sentence),
      ...environments.map((e) => e.sentence),
      policy.rules.origins.includes('*') ? '' : 'No other website may read responses.',
    ].filter((s) => s !== ''),
    rules,
    preflight: { ...policy.preflight, sentences: preflightSentences },
    routes,
    environments,
    findings: findings.filter((f) => f.acknowledged === undefined),
    acknowledged: findings.filter((f) => f.acknowledged !== undefined),
    decisions: decisionTable(policy),
    expectations: checkExpectations(policy).map(
      (result): AuditExpectation => ({
        description: result.expectation.description,
        environment: result.expectation.environment,
        request: result.expectation.request,
        expected: result.expectation.allowed,
        actual: result.explanation.allowed,
        pass: result.pass,
        summary: result.explanation.summary,
      }),
    ),
  };
}

function describeRules(rules: Rules, findings: readonly PolicyIssue[], originsPath: readonly (string | number)[]): AuditRules {
  const origins = rules.origins.map((origin, index) => describeOrigin(origin, rules, findingsAt(findings, [...originsPath, index])));
  return {
    origins,
    credentials: rules.credentials,
    methods: rules.methods,
    allowHeaders: rules.allowHeaders,
    exposeHeaders: rules.exposeHeaders,
    maxAge: describeMaxAge(rules.maxAge),
    privateNetwork: rules.privateNetwork,
    sentences: ruleSentences(rules),
  };
}

function findingsAt(findings: readonly PolicyIssue[], path: readonly (string | number)[]): PolicyIssue[] {
  return findings.filter((f) => f.path.length === path.length && f.path.every((part, i) => part === path[i]));
}

function describeOrigin(origin: string, rules: Rules, findings: readonly PolicyIssue[]): AuditOrigin {
  const kind = originKind(origin);
  const notes: string[] = [];
  let risk: RiskLevel = 'low';
  const raise = (level: RiskLevel, note: string) => {
    if (riskRank[level] > riskRank[risk]) risk = level;
    notes.push(note);
  };
  if (kind === 'any') {
    raise('medium', 'Any website may read responses (never with cookies): suitable for public data only.');
    if (rules.privateNetwork) raise('high', 'Combined with Private Network Access, any public site could reach a private-network service.');
  } else if (kind === 'pattern') {
    const base = patternBase(origin);
    const who = base === undefined ? 'matching hosts' : `every current and future subdomain of ${base}`;
    if (rules.credentials) {
      raise('medium', `Trusts ${who} with users' cookies: a taken-over subdomain or user content hosted on one can read user data.`);
    } else {
      notes.push(`Trusts ${who}, without cookies.`);
    }
    if (/:\*$/.test(origin)) raise('medium', 'Any port is accepted, including development servers on the same host.');
  } else if (origin === 'null') {
    raise('high', 'Any page can send `Origin: null` from a sandboxed iframe: trusting it trusts everyone.');
  } else if (origin.startsWith('http://')) {
    if (isLoopbackOrigin(origin)) {
      raise(
        rules.credentials ? 'medium' : 'low',
        `A page served on the user's own machine${rules.credentials ? ', with their cookies' : ''}: any local program listening there qualifies. Keep it to development overlays.`,
      );
    } else {
      raise(
        rules.credentials ? 'high' : 'medium',
        `Plain http: a network attacker can inject script into the page${rules.credentials ? ' and read responses sent with users\' cookies' : ''}.`,
      );
    }
  } else {
    notes.push(rules.credentials ? 'One exact https origin, with users\' cookies.' : 'One exact https origin.');
  }
  for (const finding of findings) {
    raise(finding.severity === 'error' ? 'high' : finding.acknowledged === undefined ? 'medium' : risk, `${finding.code}: ${finding.message}${finding.acknowledged === undefined ? '' : ` (acknowledged: ${finding.acknowledged})`}`);
  }
  return { origin, kind, risk, notes };
}

function describeMaxAge(seconds: number | undefined): AuditMaxAge {
  if (seconds === undefined) {
    return {
      seconds,
      human: 'not set',
      chromium: DEFAULT_BROWSER_MAX_AGE,
      firefox: DEFAULT_BROWSER_MAX_AGE,
      sentence: `No \`Access-Control-Max-Age\`: browsers cache a preflight answer for their default ${DEFAULT_BROWSER_MAX_AGE} seconds.`,
    };
  }
  const chromium = Math.min(seconds, CHROMIUM_MAX_AGE_CAP);
  const firefox = Math.min(seconds, FIREFOX_MAX_AGE_CAP);
  let sentence =
    seconds === 0
      ? 'Browsers do not cache preflight answers: every non-simple request is preflighted.'
      : `Browsers may reuse a preflight answer for ${humanDuration(seconds)}.`;
  if (seconds > CHROMIUM_MAX_AGE_CAP) {
    sentence += ` Chromium caps it at ${humanDuration(CHROMIUM_MAX_AGE_CAP)}${seconds > FIREFOX_MAX_AGE_CAP ? `, Firefox at ${humanDuration(FIREFOX_MAX_AGE_CAP)}` : ''}.`;
  }
  return { seconds, human: humanDuration(seconds), chromium, firefox, sentence };
}

function ruleSentences(rules: Rules): string[] {
  const sentences: string[] = [];
  const methods = rules.methods.includes('*') ? 'any method' : listInWords(rules.methods);
  const extra = [
    rules.methods.length > 0 ? `using ${methods}` : '',
    rules.allowHeaders.length > 0 ? `sending ${headersInWords(rules.allowHeaders)}` : '',
  ].filter(Boolean);
  if (rules.origins.includes('*')) {
    sentences.push(`Any website may read responses, without the user's cookies${extra.length > 0 ? `, ${extra.join(' and ')}` : ''}.`);
  } else {
    const who = listInWords(rules.origins.map(originInWords));
    const cookies = rules.credentials ? 'with the user\'s cookies' : 'without the user\'s cookies';
    sentences.push(`Pages on ${who} may call this API ${cookies}${extra.length > 0 ? `, ${extra.join(' and ')}` : ''}.`);
  }
  if (rules.exposeHeaders.length > 0) {
    sentences.push(`Scripts may read the ${listInWords(rules.exposeHeaders.map((h) => (h === '*' ? 'any' : h)))} response header${rules.exposeHeaders.length === 1 ? '' : 's'}.`);
  }
  sentences.push(describeMaxAge(rules.maxAge).sentence);
  if (rules.privateNetwork) sentences.push('Private Network Access is on: public pages listed here may reach this service on the user\'s private network.');
  return sentences;
}

function headersInWords(headers: readonly string[]): string {
  const named = headers.filter((h) => h !== '*').map(titleCaseHeader);
  if (headers.includes('*')) return named.length > 0 ? `any header (${listInWords(named)} by name)` : 'any header except Authorization';
  return `the ${listInWords(named)} header${named.length === 1 ? '' : 's'}`;
}

function originInWords(origin: string): string {
  const base = patternBase(origin);
  if (base !== undefined) return `every subdomain of ${base} (${origin})`;
  return origin;
}

function environmentSentence(name: string, changes: readonly PolicyChange[]): string {
  if (changes.length === 0) return `The ${name} environment changes nothing.`;
  const added = changes.filter((c) => c.field === 'origins' && c.kind === 'loosening' && c.scope.route === undefined).map((c) => String(c.after));
  const others = changes.filter((c) => !(c.field === 'origins' && c.kind === 'loosening')).map((c) => lowerFirst(c.message.replace(/`/g, '')));
  const parts = [
    added.length > 0 ? `${listInWords(added)} may also call this API` : '',
    others.length > 0 ? others.join('; ') : '',
  ].filter(Boolean);
  return `In the ${name} environment, ${parts.join('; ')}.`;
}

function lowerFirst(s: string): string {
  return s === '' ? s : `${s[0]?.toLowerCase()}${s.slice(1)}`;
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

function decisionTable(policy: CorsPolicy): AuditDecisionRow[] {
  const rows: AuditDecisionRow[] = [];
  const add = (label: string, request: AuditDecisionRow['request']) => rows.push(decisionRow(policy, label, request));
  addScopeRows(policy.rules, '/', add);
  policy.routes.forEach((route) => {
    const path = samplePath(route.path);
    if (route.disabled) {
      const origin = firstAllowedOrigin(policy.rules) ?? UNLISTED_ORIGIN;
      add(`GET ${path} (CORS off) from ${origin}`, { origin, method: 'GET', path });
      return;
    }
    const origin = firstAllowedOrigin(route) ?? 'https://any-site.example';
    add(`GET ${path} from an allowed origin`, { origin, method: 'GET', path, credentials: false });
    add(`Credentialed GET ${path} from an allowed origin`, { origin, method: 'GET', path, credentials: true });
    if (!route.origins.includes('*')) add(`GET ${path} from an unlisted origin`, { origin: UNLISTED_ORIGIN, method: 'GET', path });
  });
  return rows;
}

function addScopeRows(rules: Rules, path: string, add: (label: string, request: AuditDecisionRow['request']) => void): void {
  const any = rules.origins.includes('*');
  const origin = firstAllowedOrigin(rules) ?? 'https://any-site.example';
  add('Simple GET from an allowed origin', { origin, method: 'GET', path });
  add('Credentialed GET from an allowed origin', { origin, method: 'GET', path, credentials: true });
  add('JSON POST from an allowed origin', { origin, method: 'POST', path, headers: ['Content-Type'], credentials: rules.credentials });
  const nonSimple = rules.methods.find((m) => m !== '*' && !SAFELISTED_METHODS.has(m));
  if (nonSimple !== undefined) {
    const headers = ['content-type', 'authorization'].filter((h) => rules.allowHeaders.includes(h)).map(titleCaseHeader);
    add(`${nonSimple}${headers.length > 0 ? ` with ${headers.join(' and ')}` : ''} from an allowed origin`, {
      origin,
      method: nonSimple,
      path,
      headers,
      credentials: rules.credentials,
    });
  }
  if (!rules.methods.includes('*')) {
    const unlisted = ['PATCH', 'DELETE', 'PUT'].find((m) => !rules.methods.includes(m));
    if (unlisted !== undefined) add(`${unlisted} (not listed) from an allowed origin`, { origin, method: unlisted, path, credentials: rules.credentials });
  }
  if (!rules.allowHeaders.includes('*')) {
    add('An unlisted request header from an allowed origin', { origin, method: 'GET', path, headers: ['X-Unlisted-Header'], credentials: rules.credentials });
  }
  if (!any) {
    add('GET from an unlisted origin', { origin: UNLISTED_ORIGIN, method: 'GET', path, credentials: rules.credentials });
    for (const entry of rules.origins.filter((o) => originKind(o) === 'pattern')) {
      const base = patternBase(entry);
      if (base === undefined) continue;
      const scheme = entry.slice(0, entry.indexOf('://'));
      add(`GET from a look-alike of ${entry}`, { origin: `${scheme}://${base}.attacker.example`, method: 'GET', path, credentials: rules.credentials });
    }
    const https = rules.origins.find((o) => originKind(o) === 'exact' && o.startsWith('https://'));
    if (https !== undefined) {
      const downgraded = `http://${https.slice('https://'.length)}`;
      if (!rules.origins.includes(downgraded)) add(`GET from ${downgraded} (plain http)`, { origin: downgraded, method: 'GET', path, credentials: rules.credentials });
    }
  }
  add('GET from the `null` origin (sandboxed iframe)', { origin: 'null', method: 'GET', path, credentials: rules.credentials });
}

function firstAllowedOrigin(rules: Rules): string | undefined {
  if (rules.origins.includes('*')) return undefined;
  const exact = rules.origins.find((o) => originKind(o) === 'exact' && o !== 'null');
  if (exact !== undefined) return exact;
  const pattern = rules.origins.find((o) => originKind(o) === 'pattern');
  return pattern === undefined ? undefined : sampleOrigin(pattern);
}

function decisionRow(policy: CorsPolicy, label: string, request: AuditDecisionRow['request']): AuditDecisionRow {
  const explanation = explain(policy, request);
  const preflightDecision = explanation.preflight.decision;
  const refusedAtPreflight = preflightDecision !== undefined && preflightDecision.kind !== 'preflight-allowed';
  const deciding = refusedAtPreflight ? preflightDecision : explanation.actual;
  return {
    label,
    request,
    allowed: explanation.allowed,
    preflight: !explanation.preflight.needed ? 'not needed' : preflightDecision?.kind === 'preflight-allowed' ? 'allowed' : 'refused',
    reason: deciding.reason,
    route: deciding.route?.path,
    summary: explanation.summary,
    why: explanation.allowed ? describeReason(deciding.reason) : (/ — (.*?)\.?$/.exec(explanation.summary)?.[1] ?? describeReason(deciding.reason)),
    preflightHeaders: preflightDecision?.headers ?? [],
    responseHeaders: refusedAtPreflight ? [] : explanation.actual.headers,
  };
}

import { CHROMIUM_MAX_AGE_CAP, FIREFOX_MAX_AGE_CAP, analyseOrigin, checkExpectations, policyForEnvironment, sortIssues } from '@org/cors-core';
import type { CorsPolicy, ExplainRequest, OriginFacts, PolicyIssue } from '@org/cors-core';
import {
  DEFAULT_BROWSER_MAX_AGE,
  humanDuration,
  titleCaseHeader,
  type OriginKind,
} from './describe.js';
import { decisionRows, type AuditDecisionRow } from './decision-rows.js';
import { diffPolicies, type PolicyChange } from './policy-diff.js';
import { code, joinText, listText, lowerFirstText, text, type Text } from './text.js';
import { auditSources, type AuditSource } from './source-audit.js';

export type { AuditDecisionRow } from './decision-rows.js';

type Rules = CorsPolicy['rules'];

/** How much trust an origin entry hands out. */
export type RiskLevel = 'high' | 'medium' | 'low';

/** Risk levels from lowest to highest. */
export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

/** The highest risk among `risks` (`low` for none). */
export function maxRisk(risks: Iterable<RiskLevel>): RiskLevel {
  let worst: RiskLevel = 'low';
  for (const risk of risks) if (riskRank[risk] > riskRank[worst]) worst = risk;
  return worst;
}

/**
 * What CORS does not do, said on every report: a refused simple request still runs on the server.
 */
/**
 * The summary's last word on who else may read: nothing to add where some rule allows every site; a
 * caveat where origin sources add sites no policy file names; otherwise "no other website".
 */
function closingSentence(policy: CorsPolicy): Text[] {
  const scopes = [policy.rules, ...policy.routes.filter((r) => !r.disabled)];
  if (scopes.some((s) => s.origins.includes('*'))) return [];
  if (scopes.some((s) => s.sources.length > 0)) return [['No other website may read responses, apart from those its origin sources name at run time.']];
  return [['No other website may read responses.']];
}

export const CSRF_SENTENCE =
  'A refused simple request (GET, HEAD, or a POST with a form content type) still reaches your server and runs; CORS only stops the page from reading the answer. CORS is not CSRF protection.';

/** Said whenever a policy allows credentials: cookies travel only if their SameSite attribute lets them. */
export const SAMESITE_SENTENCE =
  'Whether cookies actually travel also depends on their SameSite attribute (cross-site requests need SameSite=None; Secure), not only on this policy.';

/** One origin entry with its risk and the reasons for it. */
export interface AuditOrigin {
  readonly origin: string;
  readonly kind: OriginKind;
  /** Core's facts about the entry (scheme, host, loopback, pattern base, public suffix…). */
  readonly facts: OriginFacts;
  readonly risk: RiskLevel;
  /** Why the risk is what it is, and any finding about this entry. */
  readonly notes: readonly Text[];
}

/** `Access-Control-Max-Age` in human units, against what browsers actually honour. */
export interface AuditMaxAge {
  /** `undefined`: no header, browsers use their default (5 seconds). */
  readonly seconds: number | undefined;
  readonly human: string;
  /** What Chromium (cap 7200 s) and Firefox (cap 86400 s) will actually cache, in seconds. */
  readonly chromium: number;
  readonly firefox: number;
  readonly sentence: Text;
}

/** A set of effective rules (top level or one route), described. */
export interface AuditRules {
  readonly origins: readonly AuditOrigin[];
  /**
   * Origin sources in force (listed here or inherited): origins a provider names while the service
   * runs, so no report can list them. Each with its own credentials, methods, refresh and timeout.
   */
  readonly sources: readonly AuditSource[];
  readonly credentials: boolean;
  readonly methods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: AuditMaxAge;
  readonly privateNetwork: boolean;
  /** Plain-English sentences: who may call, how, and for how long browsers remember it. */
  readonly sentences: readonly Text[];
}

export interface AuditRoute {
  readonly path: string;
  readonly description: string | undefined;
  readonly disabled: boolean;
  /** The fields this rule sets itself; the others are inherited from the top level. */
  readonly overrides: readonly string[];
  readonly rules: AuditRules;
  readonly sentence: Text;
}

export interface AuditEnvironment {
  readonly name: string;
  readonly description: string | undefined;
  /** Marked `developmentOnly`: core's `selectPolicyEnvironment` refuses it while `NODE_ENV` is `production`. */
  readonly developmentOnly: boolean;
  /** What selecting this overlay changes, each change classified (see `diffPolicies`). */
  readonly changes: readonly PolicyChange[];
  readonly sentence: Text;
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
  readonly summary: readonly Text[];
  /**
   * What the policy cannot do, in plain words: CORS is not CSRF protection, and (with credentials)
   * cookies also depend on their SameSite attribute.
   */
  readonly caveats: readonly string[];
  readonly rules: AuditRules;
  readonly preflight: CorsPolicy['preflight'] & { readonly sentences: readonly Text[] };
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
const RULE_FIELDS = ['origins', 'credentials', 'methods', 'allowHeaders', 'exposeHeaders', 'maxAge', 'privateNetwork'] as const;

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
  // A docs page asks for the same policy's model several times: build it once per policy object.
  const cached = modelCache.get(policy);
  if (cached !== undefined) return cached;
  const model = describePolicy(policy);
  modelCache.set(policy, model);
  return model;
}

const modelCache = new WeakMap<CorsPolicy, AuditModel>();

function describePolicy(policy: CorsPolicy): AuditModel {
  const findings = sortIssues(policy.findings);
  const rules = describeRules(policy.rules, findings, ['origins'], auditSources(policy, undefined, findings));
  const routes = policy.routes.map((route, index): AuditRoute => {
    const overrides = RULE_FIELDS.filter((field) => field in route.own);
    const routeRules = describeRules(route, findings, ['routes', index, 'origins'], route.disabled ? [] : auditSources(policy, index, findings));
    return {
      path: route.path,
      description: route.description,
      disabled: route.disabled,
      overrides,
      rules: routeRules,
      sentence: route.disabled
        ? text`On ${code(route.path)}, CORS is off: no other website may read responses.`
        : text`On ${code(route.path)}, ${lowerFirstText(routeRules.sentences[0] ?? [])}`,
    };
  });
  const environments = policy.environments.map((name): AuditEnvironment => {
    const overlay = policy.source.environments?.[name];
    const selected = policyForEnvironment(policy, name);
    // The overlay's effect is the diff between the base policy and the policy loaded with it.
    const changes = diffPolicies(policy, selected).changes;
    return { name, description: overlay?.description, developmentOnly: overlay?.developmentOnly === true, changes, sentence: environmentSentence(name, changes) };
  });
  const preflightSentences: Text[] = [
    [
      `Allowed preflights are answered ${policy.preflight.successStatus}${policy.preflight.continueToApp ? ' and then handed to the application' : ''}; refused ones ${policy.preflight.refusedStatus}, with no CORS headers.`,
    ],
    policy.preflight.vary
      ? text`Preflight responses carry ${code('Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers')}, so caches keep answers apart.`
      : text`Preflight responses carry no ${code('Vary')}: safe only if no cache stores OPTIONS responses.`,
  ];
  const credentials =
    policy.rules.credentials ||
    policy.rules.sources.some((s) => s.credentials) ||
    policy.routes.some((r) => !r.disabled && (r.credentials || r.sources.some((s) => s.credentials)));
  return {
    name: policy.name,
    description: policy.description,
    owners: policy.owners,
    environment: policy.environment,
    summary: [
      ...rules.sentences,
      ...routes.map((r) => r.sentence),
      ...environments.map((e) => e.sentence),
      ...closingSentence(policy),
    ],
    caveats: credentials ? [CSRF_SENTENCE, SAMESITE_SENTENCE] : [CSRF_SENTENCE],
    rules,
    preflight: { ...policy.preflight, sentences: preflightSentences },
    routes,
    environments,
    findings: findings.filter((f) => f.acknowledged === undefined),
    acknowledged: findings.filter((f) => f.acknowledged !== undefined),
    decisions: decisionRows(policy),
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

function describeRules(rules: Rules, findings: readonly PolicyIssue[], originsPath: readonly (string | number)[], sources: readonly AuditSource[]): AuditRules {
  const origins = rules.origins.map((origin, index) => describeOrigin(origin, rules, findingsAt(findings, [...originsPath, index])));
  return {
    origins,
    sources,
    credentials: rules.credentials,
    methods: rules.methods,
    allowHeaders: rules.allowHeaders,
    exposeHeaders: rules.exposeHeaders,
    maxAge: describeMaxAge(rules.maxAge),
    privateNetwork: rules.privateNetwork,
    sentences: ruleSentences(rules, sources),
  };
}

function findingsAt(findings: readonly PolicyIssue[], path: readonly (string | number)[]): PolicyIssue[] {
  return findings.filter((f) => f.path.length === path.length && f.path.every((part, i) => part === path[i]));
}

function describeOrigin(origin: string, rules: Rules, findings: readonly PolicyIssue[]): AuditOrigin {
  const facts = analyseOrigin(origin);
  const kind = facts.kind;
  const notes: Text[] = [];
  let risk: RiskLevel = 'low';
  const raise = (level: RiskLevel, note: Text | string) => {
    if (typeof note === 'string') note = [note];
    if (riskRank[level] > riskRank[risk]) risk = level;
    notes.push(note);
  };
  if (kind === 'any' || kind === 'invalid') {
    raise('medium', 'Any website may read responses (never with cookies): suitable for public data only.');
    if (rules.privateNetwork) raise('high', 'Combined with Private Network Access, any public site could reach a private-network service.');
  } else if (kind === 'pattern') {
    const base = facts.patternBase;
    const who = base === undefined ? 'matching hosts' : `every current and future subdomain of ${base}`;
    if (rules.credentials) {
      raise('medium', `Trusts ${who} with users' cookies: a taken-over subdomain or user content hosted on one can read user data.`);
    } else {
      notes.push([`Trusts ${who}, without cookies.`]);
    }
    if (facts.anyPort) raise('medium', 'Any port is accepted, including development servers on the same host.');
  } else if (facts.nullOrigin) {
    raise('high', text`Any page can send ${code('Origin: null')} from a sandboxed iframe: trusting it trusts everyone.`);
  } else if (facts.scheme === 'http') {
    if (facts.loopback) {
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
    notes.push([rules.credentials ? "One exact https origin, with users' cookies." : 'One exact https origin.']);
  }
  for (const finding of findings) {
    raise(
      finding.severity === 'error' ? 'high' : finding.acknowledged === undefined ? 'medium' : risk,
      text`${code(finding.code)}: ${finding.message}${finding.acknowledged === undefined ? '' : ` (acknowledged: ${finding.acknowledged})`}`,
    );
  }
  return { origin, kind, facts, risk, notes };
}

function describeMaxAge(seconds: number | undefined): AuditMaxAge {
  if (seconds === undefined) {
    return {
      seconds,
      human: 'not set',
      chromium: DEFAULT_BROWSER_MAX_AGE,
      firefox: DEFAULT_BROWSER_MAX_AGE,
      sentence: text`No ${code('Access-Control-Max-Age')}: browsers cache a preflight answer for their default ${String(DEFAULT_BROWSER_MAX_AGE)} seconds.`,
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
  return { seconds, human: humanDuration(seconds), chromium, firefox, sentence: [sentence] };
}

function ruleSentences(rules: Rules, sources: readonly AuditSource[]): Text[] {
  const sentences: Text[] = [];
  const methods: Text = rules.methods.includes('*') ? ['any method'] : listText(rules.methods.map((m) => [m]));
  const extra = [
    rules.methods.length > 0 ? text`using ${methods}` : undefined,
    rules.allowHeaders.length > 0 ? text`sending ${headersInWords(rules.allowHeaders)}` : undefined,
  ].filter((t): t is Text => t !== undefined);
  const how = extra.length > 0 ? text`, ${joinText(extra, ' and ')}` : [];
  if (rules.origins.includes('*')) {
    sentences.push(text`Any website may read responses, without the user's cookies${how}.`);
  } else if (rules.origins.length > 0 || sources.length === 0) {
    const who = listText(rules.origins.map(originInWords));
    const cookies = rules.credentials ? "with the user's cookies" : "without the user's cookies";
    sentences.push(text`Pages on ${who} may call this API ${cookies}${how}.`);
  }
  // Each source has its own credentials and methods: one sentence each, never folded into the list above.
  for (const source of sources) sentences.push(text`${source.sentence}.`);
  if (rules.exposeHeaders.length > 0) {
    const exposed = listText(rules.exposeHeaders.map((h): Text => (h === '*' ? ['any'] : [code(h)])));
    sentences.push(text`Scripts may read the ${exposed} response header${rules.exposeHeaders.length === 1 ? '' : 's'}.`);
  }
  sentences.push(describeMaxAge(rules.maxAge).sentence);
  if (rules.privateNetwork) sentences.push(["Private Network Access is on: public pages listed here may reach this service on the user's private network."]);
  return sentences;
}

function headersInWords(headers: readonly string[]): Text {
  const named = headers.filter((h) => h !== '*').map((h): Text => [code(titleCaseHeader(h))]);
  if (headers.includes('*')) return named.length > 0 ? text`any header (${listText(named)} by name)` : ['any header except Authorization'];
  return text`the ${listText(named)} header${named.length === 1 ? '' : 's'}`;
}

function originInWords(origin: string): Text {
  const base = analyseOrigin(origin).patternBase;
  if (base !== undefined) return text`every subdomain of ${base} (${code(origin)})`;
  return [code(origin)];
}

function environmentSentence(name: string, changes: readonly PolicyChange[]): Text {
  if (changes.length === 0) return text`The ${code(name)} environment changes nothing.`;
  const added = changes.filter((c) => c.field === 'origins' && c.kind === 'loosening' && c.scope.route === undefined).map((c): Text => [code(String(c.after))]);
  const others = changes.filter((c) => !(c.field === 'origins' && c.kind === 'loosening')).map((c) => lowerFirstText(c.text));
  const parts = [added.length > 0 ? text`${listText(added)} may also call this API` : undefined, others.length > 0 ? joinText(others, '; ') : undefined].filter(
    (t): t is Text => t !== undefined,
  );
  return text`In the ${code(name)} environment, ${joinText(parts, '; ')}.`;
}

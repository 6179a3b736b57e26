import { analyseOrigin, describeSourceCredentialsChange, formatIssuePath, policyForEnvironment } from '@org/cors-core';
import type { CorsPolicy, EffectiveOriginSource, PolicyIssue } from '@org/cors-core';
import { DEFAULT_BROWSER_MAX_AGE, humanDuration, titleCaseHeader } from './describe.js';
import { sourceSentence } from './source-audit.js';
import { code as asCode, lowerFirstText, text, textToPlain, type Text } from './text.js';

type Rules = CorsPolicy['rules'];
type Route = CorsPolicy['routes'][number];

/**
 * How a change moves the policy: `loosening` lets more pages read more (or for longer), `tightening`
 * the reverse, `neutral` changes nothing about who may read what.
 */
export type ChangeKind = 'loosening' | 'tightening' | 'neutral';

/** Stable identifiers of each kind of change, for bots reading `diff --format json`. */
export const ChangeCode = {
  OriginAdded: 'origin-added',
  OriginRemoved: 'origin-removed',
  PatternAdded: 'pattern-added',
  PatternRemoved: 'pattern-removed',
  AnyOriginAdded: 'any-origin-added',
  AnyOriginRemoved: 'any-origin-removed',
  CredentialsEnabled: 'credentials-enabled',
  CredentialsDisabled: 'credentials-disabled',
  MethodAdded: 'method-added',
  MethodRemoved: 'method-removed',
  AllowHeaderAdded: 'allow-header-added',
  AllowHeaderRemoved: 'allow-header-removed',
  ExposeHeaderAdded: 'expose-header-added',
  ExposeHeaderRemoved: 'expose-header-removed',
  MaxAgeRaised: 'max-age-raised',
  MaxAgeLowered: 'max-age-lowered',
  PrivateNetworkEnabled: 'private-network-enabled',
  PrivateNetworkDisabled: 'private-network-disabled',
  PreflightChanged: 'preflight-changed',
  RouteAdded: 'route-added',
  RouteRemoved: 'route-removed',
  RouteEnabled: 'route-enabled',
  RouteDisabled: 'route-disabled',
  RoutesReordered: 'routes-reordered',
  EnvironmentAdded: 'environment-added',
  EnvironmentRemoved: 'environment-removed',
  DevelopmentOnlyMarked: 'development-only-marked',
  DevelopmentOnlyUnmarked: 'development-only-unmarked',
  FindingIntroduced: 'finding-introduced',
  FindingResolved: 'finding-resolved',
  WarningAcknowledged: 'warning-acknowledged',
  AcknowledgementWithdrawn: 'acknowledgement-withdrawn',
  AcknowledgementChanged: 'acknowledgement-changed',
  SourceAdded: 'source-added',
  SourceRemoved: 'source-removed',
  SourceCredentialsEnabled: 'source-credentials-enabled',
  SourceCredentialsDisabled: 'source-credentials-disabled',
  SourceMethodAdded: 'source-method-added',
  SourceMethodRemoved: 'source-method-removed',
  SourceRefreshChanged: 'source-refresh-changed',
  SourceTimeoutChanged: 'source-timeout-changed',
  SourceDescriptionChanged: 'source-description-changed',
  ExpectationAdded: 'expectation-added',
  ExpectationRemoved: 'expectation-removed',
  MetadataChanged: 'metadata-changed',
} as const;

export type ChangeCode = (typeof ChangeCode)[keyof typeof ChangeCode];

/** Where a change applies: the top-level rules, one route rule, and/or one environment overlay. */
export interface ChangeScope {
  /** The route rule's path pattern, e.g. `/public/**`. */
  readonly route?: string;
  /** The environment overlay, e.g. `development`: the change applies only when it is selected. */
  readonly environment?: string;
}

/** One semantic change between two policies. */
export interface PolicyChange {
  readonly kind: ChangeKind;
  readonly code: ChangeCode;
  readonly scope: ChangeScope;
  /** The policy field concerned: `origins`, `credentials`, `preflight.vary`, `routes`, `findings`… */
  readonly field: string;
  /** One sentence for people as plain text, values in backticks. Not escaped: render `text` instead. */
  readonly message: string;
  /** The same sentence as prose and code values, for `textToMarkdown` / `textToHtml`. */
  readonly text: Text;
  readonly before?: unknown;
  readonly after?: unknown;
  /** For a route or environment added or removed: what it changes, each classified. */
  readonly details?: readonly PolicyChange[];
}

/** The semantic difference between two revisions of a policy. */
export interface PolicyDiff {
  readonly base: { readonly name: string };
  readonly head: { readonly name: string };
  /** Loosenings first, then tightenings, then neutral changes; stable within a kind. */
  readonly changes: readonly PolicyChange[];
  readonly counts: Readonly<Record<ChangeKind, number>>;
}

/**
 * Compares two policies by meaning, not by text: origins, credentials, methods, headers, max-age,
 * Private Network Access, preflight settings, route rules, environment overlays and findings. Each
 * change is classed as loosening, tightening or neutral. Environment overlays are compared as loaded
 * (`policyForEnvironment`), reporting only what differs beyond the top-level changes.
 *
 * Pure: takes two `CorsPolicy` values (normally loaded without an environment) and uses only core's API.
 *
 * @example
 * const diff = diffPolicies(basePolicy, headPolicy);
 * if (diff.counts.loosening > 0) requestSecurityReview(diff);
 */
export function diffPolicies(base: CorsPolicy, head: CorsPolicy): PolicyDiff {
  const changes: PolicyChange[] = [...metadataChanges(base, head), ...effectiveChanges(base, head, {})];
  const topLevel = new Set(changes.map(changeKey));

  for (const environment of union(base.environments, head.environments)) {
    const inBase = base.environments.includes(environment);
    const inHead = head.environments.includes(environment);
    const scope = { environment };
    const envChanges = effectiveChanges(
      inBase ? policyForEnvironment(base, environment) : base,
      inHead ? policyForEnvironment(head, environment) : head,
      scope,
    ).filter((change) => !topLevel.has(changeKey({ ...change, scope: { ...change.scope, environment: undefined } })));
    if (inBase && inHead) {
      changes.push(...envChanges);
      const before = base.source.environments?.[environment]?.description;
      const after = head.source.environments?.[environment]?.description;
      if (before !== after) changes.push(metadata('description', before, after, scope));
      const wasDevOnly = base.source.environments?.[environment]?.developmentOnly === true;
      const isDevOnly = head.source.environments?.[environment]?.developmentOnly === true;
      if (wasDevOnly !== isDevOnly) {
        changes.push({
          // Unmarking lets the overlay load in production, where its additions then apply.
          kind: isDevOnly ? 'tightening' : 'loosening',
          code: isDevOnly ? ChangeCode.DevelopmentOnlyMarked : ChangeCode.DevelopmentOnlyUnmarked,
          scope,
          field: 'developmentOnly',
          ...say(
            isDevOnly
              ? text`Environment overlay ${asCode(environment)} marked development only: refused while NODE_ENV is production`
              : text`Environment overlay ${asCode(environment)} no longer marked development only: it may now be loaded in production`,
          ),
          before: wasDevOnly,
          after: isDevOnly,
        });
      }
    } else {
      const added = inHead;
      changes.push({
        kind: worstKind(envChanges),
        code: added ? ChangeCode.EnvironmentAdded : ChangeCode.EnvironmentRemoved,
        scope,
        field: 'environments',
        ...say(
          added
            ? text`Environment overlay ${asCode(environment)} added${effectSuffix(envChanges)}`
            : text`Environment overlay ${asCode(environment)} removed${effectSuffix(envChanges)}`,
        ),
        details: envChanges,
      });
    }
  }

  changes.push(...findingChanges(base, head), ...expectationChanges(base, head));
  const ordered = sortChanges(changes);
  return {
    base: { name: base.name },
    head: { name: head.name },
    changes: ordered,
    counts: {
      loosening: ordered.filter((c) => c.kind === 'loosening').length,
      tightening: ordered.filter((c) => c.kind === 'tightening').length,
      neutral: ordered.filter((c) => c.kind === 'neutral').length,
    },
  };
}

/**
 * Compares two sets of effective rules field by field (what `diffPolicies` does for the top level and
 * for each route). Exported for the audit model, which describes environment overlays with it.
 */
export function diffRules(before: Rules, after: Rules, scope: ChangeScope = {}): PolicyChange[] {
  return [
    ...originChanges(before.origins, after.origins, after.credentials, scope),
    ...sourceChanges(before.sources, after.sources, scope),
    ...flagChange('credentials', before.credentials, after.credentials, scope, {
      on: [ChangeCode.CredentialsEnabled, 'Credentials turned on: browsers send cookies and let allowed origins read the responses'],
      off: [ChangeCode.CredentialsDisabled, "Credentials turned off: responses are no longer readable with the user's cookies"],
    }),
    ...listChanges('methods', before.methods, after.methods, scope, ChangeCode.MethodAdded, ChangeCode.MethodRemoved, 'Method'),
    ...listChanges(
      'allowHeaders',
      before.allowHeaders,
      after.allowHeaders,
      scope,
      ChangeCode.AllowHeaderAdded,
      ChangeCode.AllowHeaderRemoved,
      'Request header',
    ),
    ...listChanges(
      'exposeHeaders',
      before.exposeHeaders,
      after.exposeHeaders,
      scope,
      ChangeCode.ExposeHeaderAdded,
      ChangeCode.ExposeHeaderRemoved,
      'Response header',
    ),
    ...maxAgeChanges(before.maxAge, after.maxAge, scope),
    ...flagChange('privateNetwork', before.privateNetwork, after.privateNetwork, scope, {
      on: [ChangeCode.PrivateNetworkEnabled, 'Private Network Access turned on: public sites may reach this service on the user\'s private network'],
      off: [ChangeCode.PrivateNetworkDisabled, 'Private Network Access turned off'],
    }),
  ];
}

function effectiveChanges(base: CorsPolicy, head: CorsPolicy, scope: ChangeScope): PolicyChange[] {
  return [...diffRules(base.rules, head.rules, scope), ...preflightChanges(base, head, scope), ...routeChanges(base, head, scope)];
}

function originChanges(before: readonly string[], after: readonly string[], credentials: boolean, scope: ChangeScope): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const cookies = credentials ? ' with the user\'s cookies' : '';
  for (const origin of after.filter((o) => !before.includes(o))) {
    const facts = analyseOrigin(origin);
    const kind = facts.kind;
    const base = facts.patternBase;
    changes.push({
      kind: 'loosening',
      code: kind === 'any' ? ChangeCode.AnyOriginAdded : kind === 'pattern' ? ChangeCode.PatternAdded : ChangeCode.OriginAdded,
      scope,
      field: 'origins',
      ...say(
        kind === 'any'
          ? text`Any origin (${asCode('*')}) allowed: every website may read responses`
          : kind === 'pattern'
            ? text`Wildcard pattern ${asCode(origin)} added: ${base === undefined ? 'matching origins' : text`every subdomain of ${asCode(base)}`} may read responses${cookies}`
            : text`Origin ${asCode(origin)} added: pages on it may read responses${cookies}`,
      ),
      after: origin,
    });
  }
  for (const origin of before.filter((o) => !after.includes(o))) {
    const kind = analyseOrigin(origin).kind;
    changes.push({
      kind: 'tightening',
      code: kind === 'any' ? ChangeCode.AnyOriginRemoved : kind === 'pattern' ? ChangeCode.PatternRemoved : ChangeCode.OriginRemoved,
      scope,
      field: 'origins',
      ...say(kind === 'any' ? text`Any origin (${asCode('*')}) no longer allowed` : text`${kind === 'pattern' ? 'Wildcard pattern' : 'Origin'} ${asCode(origin)} removed`),
      before: origin,
    });
  }
  return changes;
}

/**
 * Origin sources, matched by name: added or removed, credentials turned on (a loosening: every site
 * the provider names gets cookies) or off, methods widened or narrowed; refresh, timeout and
 * description changes are neutral but shown.
 */
function sourceChanges(before: readonly EffectiveOriginSource[], after: readonly EffectiveOriginSource[], scope: ChangeScope): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const field = 'sources';
  for (const source of after) {
    const old = before.find((s) => s.name === source.name);
    const name = asCode(source.name);
    if (old === undefined) {
      changes.push({
        kind: 'loosening',
        code: ChangeCode.SourceAdded,
        scope,
        field,
        ...say(text`Source added — ${lowerFirstText(sourceSentence(source))}`),
        after: source.name,
      });
      continue;
    }
    if (old.credentials !== source.credentials) {
      changes.push({
        kind: source.credentials ? 'loosening' : 'tightening',
        code: source.credentials ? ChangeCode.SourceCredentialsEnabled : ChangeCode.SourceCredentialsDisabled,
        scope,
        field: `sources.${source.name}.credentials`,
        ...say(
          source.credentials
            ? text`Source ${name}: ${describeSourceCredentialsChange(old.credentials, source.credentials)} — every site its provider names, tenant-controlled, may now read responses with the user's cookies`
            : text`Source ${name}: ${describeSourceCredentialsChange(old.credentials, source.credentials)} — its sites no longer read responses with the user's cookies`,
        ),
        before: old.credentials,
        after: source.credentials,
      });
    }
    changes.push(...sourceMethodChanges(source.name, old.methods, source.methods, scope));
    const neutral = (code: ChangeCode, key: 'refreshSeconds' | 'timeoutMs' | 'description', message: Text): PolicyChange => ({
      kind: 'neutral', code, scope, field: `sources.${source.name}.${key}`, ...say(message), before: old[key], after: source[key],
    });
    if (old.refreshSeconds !== source.refreshSeconds) {
      changes.push(neutral(ChangeCode.SourceRefreshChanged, 'refreshSeconds', text`The source ${name} is now refreshed every ${String(source.refreshSeconds)} s (was ${String(old.refreshSeconds)} s)`));
    }
    if (old.timeoutMs !== source.timeoutMs) {
      changes.push(neutral(ChangeCode.SourceTimeoutChanged, 'timeoutMs', text`A lookup in the source ${name} now waits at most ${String(source.timeoutMs)} ms (was ${String(old.timeoutMs)} ms), then refuses`));
    }
    if (old.description !== source.description) {
      changes.push(neutral(ChangeCode.SourceDescriptionChanged, 'description', text`Description of the source ${name} changed from "${old.description ?? '(none)'}" to "${source.description ?? '(none)'}"`));
    }
  }
  for (const source of before) {
    if (after.some((s) => s.name === source.name)) continue;
    changes.push({
      kind: 'tightening',
      code: ChangeCode.SourceRemoved,
      scope,
      field,
      ...say(text`Source ${asCode(source.name)} removed: the sites its provider names are no longer allowed through it`),
      before: source.name,
    });
  }
  return changes;
}

function sourceMethodChanges(name: string, before: readonly string[], after: readonly string[], scope: ChangeScope): PolicyChange[] {
  const where = { field: `sources.${name}.methods`, suffix: text` for the source ${asCode(name)}` };
  return listChanges('methods', before, after, scope, ChangeCode.SourceMethodAdded, ChangeCode.SourceMethodRemoved, 'Method', where);
}

function flagChange(
  field: string,
  before: boolean,
  after: boolean,
  scope: ChangeScope,
  words: { on: [ChangeCode, string]; off: [ChangeCode, string] },
): PolicyChange[] {
  if (before === after) return [];
  const [code, message] = after ? words.on : words.off;
  return [{ kind: after ? 'loosening' : 'tightening', code, scope, field, ...say([message]), before, after }];
}

function listChanges(
  list: 'methods' | 'allowHeaders' | 'exposeHeaders',
  before: readonly string[],
  after: readonly string[],
  scope: ChangeScope,
  addedCode: ChangeCode,
  removedCode: ChangeCode,
  noun: string,
  /** Where the list sits, when not in the rules themselves (an origin source's methods), and the words that say so. */
  where: { readonly field: string; readonly suffix: Text } = { field: list, suffix: [] },
): PolicyChange[] {
  const { field, suffix } = where;
  // Header names compare case-insensitively; methods byte for byte (as the resolver does).
  const fold = list === 'methods' ? (s: string) => s : (s: string) => s.toLowerCase();
  const beforeSet = new Set(before.map(fold));
  const afterSet = new Set(after.map(fold));
  const verb = list === 'exposeHeaders' ? 'exposed' : 'allowed';
  const describe = (value: string): Text =>
    value === '*'
      ? text`${asCode('*')} (any ${noun.toLowerCase()}${list === 'allowHeaders' ? ' except Authorization' : ''})`
      : [asCode(list === 'allowHeaders' ? titleCaseHeader(value) : value)];
  return [
    ...after
      .filter((v) => !beforeSet.has(fold(v)))
      .map((value): PolicyChange => ({ kind: 'loosening', code: addedCode, scope, field, ...say(text`${noun} ${describe(value)} ${verb}${suffix}`), after: value })),
    ...before
      .filter((v) => !afterSet.has(fold(v)))
      .map((value): PolicyChange => ({ kind: 'tightening', code: removedCode, scope, field, ...say(text`${noun} ${describe(value)} no longer ${verb}${suffix}`), before: value })),
  ];
}

function maxAgeChanges(before: number | undefined, after: number | undefined, scope: ChangeScope): PolicyChange[] {
  if (before === after) return [];
  const words = (v: number | undefined) => (v === undefined ? `unset (browser default, ${DEFAULT_BROWSER_MAX_AGE} seconds)` : humanDuration(v));
  const raised = (after ?? DEFAULT_BROWSER_MAX_AGE) > (before ?? DEFAULT_BROWSER_MAX_AGE);
  return [
    {
      kind: raised ? 'loosening' : 'tightening',
      code: raised ? ChangeCode.MaxAgeRaised : ChangeCode.MaxAgeLowered,
      scope,
      field: 'maxAge',
      ...say([
        raised
          ? `Preflight cache raised from ${words(before)} to ${words(after)}: browsers keep a granted permission longer after it is revoked`
          : `Preflight cache lowered from ${words(before)} to ${words(after)}`,
      ]),
      before,
      after,
    },
  ];
}

function preflightChanges(base: CorsPolicy, head: CorsPolicy, scope: ChangeScope): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const before = base.preflight;
  const after = head.preflight;
  const neutral = (field: keyof typeof before, message: Text): PolicyChange => ({
    kind: 'neutral',
    code: ChangeCode.PreflightChanged,
    scope,
    field: `preflight.${field}`,
    ...say(message),
    before: before[field],
    after: after[field],
  });
  if (before.refusedStatus !== after.refusedStatus) {
    changes.push(neutral('refusedStatus', [`Refused preflights now answer ${after.refusedStatus} (was ${before.refusedStatus})`]));
  }
  if (before.successStatus !== after.successStatus) {
    changes.push(neutral('successStatus', [`Allowed preflights now answer ${after.successStatus} (was ${before.successStatus})`]));
  }
  if (before.continueToApp !== after.continueToApp) {
    changes.push(
      neutral(
        'continueToApp',
        [
          after.continueToApp
            ? 'Allowed preflights are now handed on to the application after the CORS headers are set'
            : 'Allowed preflights are now answered by the CORS layer (no longer handed to the application)',
        ],
      ),
    );
  }
  if (before.vary !== after.vary) {
    changes.push({
      ...neutral('vary', []),
      kind: after.vary ? 'tightening' : 'loosening',
      ...say(
        after.vary
          ? text`Preflight responses carry ${asCode('Vary')} again`
          : text`Preflight responses no longer carry ${asCode('Vary')}: a shared cache could serve one origin's preflight answer to another`,
      ),
    });
  }
  return changes;
}

const ruleFieldNames = ['origins', 'credentials', 'methods', 'allowHeaders', 'exposeHeaders', 'maxAge', 'privateNetwork'] as const;

function routeChanges(base: CorsPolicy, head: CorsPolicy, outer: ChangeScope): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const baseKeys = routeKeys(base.routes);
  const headKeys = routeKeys(head.routes);

  head.routes.forEach((route, index) => {
    const key = headKeys[index] as string;
    const baseIndex = baseKeys.indexOf(key);
    const scope = { ...outer, route: route.path };
    if (baseIndex === -1) {
      // What used to apply to these paths (approximately: the top-level rules) versus the new rule.
      const details = route.disabled ? [] : diffRules(head.rules, route, scope);
      changes.push({
        kind: route.disabled ? 'tightening' : worstKind(details),
        code: ChangeCode.RouteAdded,
        scope,
        field: 'routes',
        ...say(
          route.disabled
            ? text`Route rule ${asCode(route.path)} added: CORS is off for these paths`
            : text`Route rule ${asCode(route.path)} added${effectSuffix(details)}`,
        ),
        after: route.path,
        details,
      });
      return;
    }
    const before = base.routes[baseIndex] as Route;
    if (before.disabled !== route.disabled) {
      changes.push({
        kind: route.disabled ? 'tightening' : 'loosening',
        code: route.disabled ? ChangeCode.RouteDisabled : ChangeCode.RouteEnabled,
        scope,
        field: 'disabled',
        ...say(route.disabled ? text`CORS switched off for ${asCode(route.path)}` : text`CORS switched back on for ${asCode(route.path)}`),
        before: before.disabled,
        after: route.disabled,
      });
    }
    // A rule that keeps CORS off grants nothing, whatever its other fields say.
    if (before.disabled && route.disabled) return;
    // Only fields either revision sets on the route itself: inherited values changed at the top level.
    const own = new Set<string>(ruleFieldNames.filter((field) => field in before.own || field in route.own));
    if (own.size > 0) {
      changes.push(...diffRules(pick(before, own), pick(route, own), scope));
    }
    if (before.description !== route.description) changes.push(metadata('description', before.description, route.description, scope));
  });

  base.routes.forEach((route, index) => {
    if (headKeys.includes(baseKeys[index] as string)) return;
    const scope = { ...outer, route: route.path };
    const details = route.disabled ? [] : diffRules(route, head.rules, scope);
    changes.push({
      kind: route.disabled ? 'loosening' : worstKind(details),
      code: ChangeCode.RouteRemoved,
      scope,
      field: 'routes',
      ...say(
        route.disabled
          ? text`Route rule ${asCode(route.path)} removed: CORS is back on for these paths`
          : text`Route rule ${asCode(route.path)} removed: these paths fall back to the top-level rules${effectSuffix(details, 'with')}`,
      ),
      before: route.path,
      details,
    });
  });

  const common = headKeys.filter((key) => baseKeys.includes(key));
  const baseOrder = baseKeys.filter((key) => headKeys.includes(key));
  if (common.join('\n') !== baseOrder.join('\n')) {
    changes.push({
      kind: 'neutral',
      code: ChangeCode.RoutesReordered,
      scope: outer,
      field: 'routes',
      ...say(['Route rules reordered: the first matching rule applies, so check which rule now wins for overlapping paths']),
      before: baseOrder,
      after: common,
    });
  }
  return changes;
}

/** Routes are matched by path; a repeated path gets its occurrence number. */
function routeKeys(routes: readonly Route[]): string[] {
  const seen = new Map<string, number>();
  return routes.map((route) => {
    const n = (seen.get(route.path) ?? 0) + 1;
    seen.set(route.path, n);
    return n === 1 ? route.path : `${route.path}#${n}`;
  });
}


/** The rules with every field outside `fields` made equal, so `diffRules` compares only `fields`. */
function pick(rules: Rules, fields: Set<string>): Rules {
  return {
    origins: fields.has('origins') ? rules.origins : [],
    credentials: fields.has('credentials') ? rules.credentials : false,
    methods: fields.has('methods') ? rules.methods : [],
    allowHeaders: fields.has('allowHeaders') ? rules.allowHeaders : [],
    exposeHeaders: fields.has('exposeHeaders') ? rules.exposeHeaders : [],
    maxAge: fields.has('maxAge') ? rules.maxAge : undefined,
    privateNetwork: fields.has('privateNetwork') ? rules.privateNetwork : false,
    // Sources travel with origins until the diff words them (turning credentials on for one is a loosening).
    sources: fields.has('origins') ? rules.sources : [],
  };
}

function metadataChanges(base: CorsPolicy, head: CorsPolicy): PolicyChange[] {
  const changes: PolicyChange[] = [];
  if (base.name !== head.name) changes.push(metadata('name', base.name, head.name, {}));
  if (base.description !== head.description) changes.push(metadata('description', base.description, head.description, {}));
  if (base.owners.join('\n') !== head.owners.join('\n')) changes.push(metadata('owners', base.owners, head.owners, {}));
  return changes;
}

function metadata(field: string, before: unknown, after: unknown, scope: ChangeScope): PolicyChange {
  const show = (v: unknown) => (v === undefined ? '(none)' : Array.isArray(v) ? v.join(', ') || '(none)' : String(v));
  return {
    kind: 'neutral',
    code: ChangeCode.MetadataChanged,
    scope,
    field,
    ...say([`${field[0]?.toUpperCase()}${field.slice(1)} changed from "${show(before)}" to "${show(after)}"`]),
    before,
    after,
  };
}

/**
 * A finding is the same finding when its rule, place and offending value match: a warning about a new
 * origin at the index an old one had is a new finding.
 */
function findingKey(issue: PolicyIssue): string {
  return `${issue.code}@${formatIssuePath(issue.path)}=${issue.value ?? ''}`;
}

function findingChanges(base: CorsPolicy, head: CorsPolicy): PolicyChange[] {
  const before = base.findings;
  const after = head.findings;
  const beforeByKey = new Map(before.map((issue) => [findingKey(issue), issue]));
  const afterKeys = new Set(after.map(findingKey));
  const changes: PolicyChange[] = [];
  for (const issue of after) {
    const where = asCode(formatIssuePath(issue.path));
    const old = beforeByKey.get(findingKey(issue));
    const finding = { kind: 'neutral' as ChangeKind, scope: {}, field: 'findings', before: old, after: issue };
    if (old === undefined) {
      changes.push({
        ...finding,
        // A warning the base did not have is a risk reviewers must weigh, like a loosening, even when the
        // same change acknowledges it: an acknowledgement explains a risk, it does not remove it.
        kind: issue.severity === 'warning' ? 'loosening' : 'neutral',
        code: ChangeCode.FindingIntroduced,
        ...say(
          issue.acknowledged === undefined
            ? text`New ${issue.severity} ${asCode(issue.code)} at ${where}: ${issue.message}`
            : text`New ${issue.severity} ${asCode(issue.code)} at ${where}: ${issue.message} (new finding, acknowledged: ${issue.acknowledged})`,
        ),
      });
    } else if (old.acknowledged === undefined && issue.acknowledged !== undefined) {
      changes.push({
        ...finding,
        code: ChangeCode.WarningAcknowledged,
        field: 'acknowledgements',
        ...say(text`Warning ${asCode(issue.code)} at ${where} acknowledged: ${issue.acknowledged}`),
      });
    } else if (old.acknowledged !== undefined && issue.acknowledged === undefined) {
      changes.push({
        ...finding,
        code: ChangeCode.AcknowledgementWithdrawn,
        field: 'acknowledgements',
        ...say(text`Acknowledgement of ${asCode(issue.code)} at ${where} withdrawn: the warning is reported again`),
      });
    } else if (old.acknowledged !== issue.acknowledged) {
      changes.push({
        ...finding,
        code: ChangeCode.AcknowledgementChanged,
        field: 'acknowledgements',
        ...say(text`Justification of ${asCode(issue.code)} at ${where} changed from "${old.acknowledged ?? ''}" to "${issue.acknowledged ?? ''}"`),
      });
    }
  }
  for (const issue of before) {
    if (afterKeys.has(findingKey(issue))) continue;
    changes.push({
      kind: issue.severity === 'warning' && issue.acknowledged === undefined ? 'tightening' : 'neutral',
      code: ChangeCode.FindingResolved,
      scope: {},
      field: 'findings',
      ...say(text`Resolved ${issue.severity} ${asCode(issue.code)} at ${asCode(formatIssuePath(issue.path))}`),
      before: issue,
    });
  }
  return [...changes, ...acknowledgementScopeChanges(base, head)];
}

type Acknowledgement = NonNullable<CorsPolicy['source']['acknowledgements']>[number];

/** Acknowledgements whose scope (`path`, `value`) changed while rule and reason stayed: listed for reviewers. */
function acknowledgementScopeChanges(base: CorsPolicy, head: CorsPolicy): PolicyChange[] {
  const scopeOf = (a: Acknowledgement): Text => {
    const parts = [a.path === undefined ? undefined : text`path ${asCode(a.path)}`, a.value === undefined ? undefined : text`value ${asCode(a.value)}`].filter(
      (p): p is Text => p !== undefined,
    );
    return parts.length === 0 ? ['every finding of the rule'] : parts.length === 1 ? (parts[0] as Text) : text`${parts[0] as Text}, ${parts[1] as Text}`;
  };
  const key = (a: Acknowledgement) => `${a.path ?? ''}\u0000${a.value ?? ''}`;
  const changes: PolicyChange[] = [];
  const headAcks = head.source.acknowledgements ?? [];
  for (const old of base.source.acknowledgements ?? []) {
    if (headAcks.some((a) => a.rule === old.rule && a.reason === old.reason && key(a) === key(old))) continue;
    const moved = headAcks.find((a) => a.rule === old.rule && a.reason === old.reason);
    if (moved === undefined) continue;
    changes.push({
      kind: 'neutral',
      code: ChangeCode.AcknowledgementChanged,
      scope: {},
      field: 'acknowledgements',
      ...say(text`Acknowledgement of ${asCode(old.rule)} ("${old.reason}") now covers ${scopeOf(moved)} (was ${scopeOf(old)})`),
      before: old,
      after: moved,
    });
  }
  return changes;
}

/** The owners' declared examples added or dropped: neutral, but reviewers should see a dropped one. */
function expectationChanges(base: CorsPolicy, head: CorsPolicy): PolicyChange[] {
  const describe = (x: NonNullable<CorsPolicy['source']['expectations']>[number]): Text =>
    text`${x.allowed ? 'allowed' : 'refused'}: ${asCode(`${x.request.method ?? 'GET'} ${x.request.path ?? '/'}`)} from ${asCode(x.request.origin)}${
      x.request.credentials === true ? ' with credentials' : ''
    }${x.environment === undefined ? '' : text` (${asCode(x.environment)})`}${x.description === undefined ? '' : ` — ${x.description}`}`;
  const before = (base.source.expectations ?? []).map(describe);
  const after = (head.source.expectations ?? []).map(describe);
  const beforeKeys = before.map((x) => JSON.stringify(x));
  const afterKeys = after.map((x) => JSON.stringify(x));
  const change = (x: Text, added: boolean): PolicyChange => ({
    kind: 'neutral',
    code: added ? ChangeCode.ExpectationAdded : ChangeCode.ExpectationRemoved,
    scope: {},
    field: 'expectations',
    ...say(text`Expectation ${added ? 'added' : 'removed'}: ${x}`),
    ...(added ? { after: textToPlain(x) } : { before: textToPlain(x) }),
  });
  return [
    ...after.filter((_x, i) => !beforeKeys.includes(afterKeys[i] as string)).map((x) => change(x, true)),
    ...before.filter((_x, i) => !afterKeys.includes(beforeKeys[i] as string)).map((x) => change(x, false)),
  ];
}

/** A change's sentence, as data and as plain text. */
function say(t: Text): { readonly text: Text; readonly message: string } {
  return { text: t, message: textToPlain(t) };
}

/** The most significant kind among changes: any loosening wins, then any tightening. */
export function worstKind(changes: readonly PolicyChange[]): ChangeKind {
  if (changes.some((c) => c.kind === 'loosening')) return 'loosening';
  if (changes.some((c) => c.kind === 'tightening')) return 'tightening';
  return 'neutral';
}

function effectSuffix(details: readonly PolicyChange[], joiner = ''): string {
  if (details.length === 0) return '';
  const loosens = details.filter((d) => d.kind === 'loosening').length;
  const tightens = details.filter((d) => d.kind === 'tightening').length;
  const parts = [loosens > 0 ? `${loosens} loosening${loosens === 1 ? '' : 's'}` : '', tightens > 0 ? `${tightens} tightening${tightens === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
  return parts === '' ? '' : ` (${joiner === '' ? '' : `${joiner} `}${parts})`;
}

const kindOrder: Record<ChangeKind, number> = { loosening: 0, tightening: 1, neutral: 2 };

function sortChanges(changes: readonly PolicyChange[]): PolicyChange[] {
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => kindOrder[a.change.kind] - kindOrder[b.change.kind] || a.index - b.index)
    .map(({ change }) => change);
}

function changeKey(change: PolicyChange): string {
  return `${change.code}|${change.field}|${change.scope.route ?? ''}|${change.scope.environment ?? ''}|${JSON.stringify(change.after ?? change.before)}`;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

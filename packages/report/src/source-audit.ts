import { describeSourceCredentials, sourceFactsOf, sourceWording } from '@org/cors-core';
import type { CorsPolicy, EffectiveOriginSource, IssuePath, PolicyIssue } from '@org/cors-core';
import type { RiskLevel } from './audit-model.js';
import { code, text, upperFirstText, type Text } from './text.js';

/*
 * Origin sources as auditors need them: data from core (`sourceFactsOf`, the effective rules'
 * `sources`) and one plain sentence each: core's wording of a source (`sourceWording`, the phrase
 * explain and the linter use) plus the refresh and the timeout. Nothing here rewords it or re-parses entries.
 */

/** The lint rule that warns about a source allowing credentials (flagged on every surface). */
export const SOURCE_CREDENTIALS_CODE = 'origins/source-with-credentials';

/** One origin source as it applies in a set of rules: its settings, where it is written, and what it means. */
export interface AuditSource {
  /** The name a provider is bound to (`tenant-domains`). */
  readonly name: string;
  /** Whether its origins may read responses with the user's cookies. */
  readonly credentials: boolean;
  /** Methods its origins may use (`*`: any). */
  readonly methods: readonly string[];
  /** Whether the entry sets its own methods (otherwise it follows the rules it is listed in). */
  readonly ownMethods: boolean;
  /** Seconds a listed set or a cached lookup answer stays in force. */
  readonly refreshSeconds: number;
  /** Longest wait on one provider call, in milliseconds; past it the origin is refused. */
  readonly timeoutMs: number;
  readonly description: string | undefined;
  /** Always true: the origins are not in the policy; a provider names them while the service runs. */
  readonly lookedUpAtRunTime: true;
  /** Where the entry is written (`['origins', 1]`): a route that inherits the top-level list points there. */
  readonly path: IssuePath;
  /** `true` when the rules inherit the entry (a route without its own `origins`). */
  readonly inherited: boolean;
  /** `medium` with credentials (tenant-controlled sites get cookies), or a finding's level; else `low`. */
  readonly risk: RiskLevel;
  /** "Origins from `tenant-domains`, looked up at run time, credentials (cookies) not allowed, methods GET, POST (refreshed every 60 s; …)". */
  readonly sentence: Text;
  /** Findings about this entry (with their lint codes), e.g. the credentials warning. */
  readonly notes: readonly Text[];
  /** The lint codes of the open (unacknowledged) warnings and errors about this entry. */
  readonly warnings: readonly string[];
}

/**
 * The sources in force for one set of rules (the top level, or route `routeIndex`), each joined with
 * the findings written at or under its entry.
 */
export function auditSources(policy: CorsPolicy, routeIndex: number | undefined, findings: readonly PolicyIssue[]): AuditSource[] {
  const rules = routeIndex === undefined ? policy.rules : policy.routes[routeIndex];
  if (rules === undefined) return [];
  const facts = sourceFactsOf(policy);
  return rules.sources.map((source) => {
    const own = facts.find((f) => f.source.name === source.name && (routeIndex === undefined ? f.scope === 'top' : f.scope === 'route' && f.routeIndex === routeIndex));
    const fact = own ?? facts.find((f) => f.source.name === source.name && f.scope === 'top');
    const path = fact?.path ?? [];
    const about = findings.filter((f) => path.length > 0 && f.path.length >= path.length && path.every((part, i) => f.path[i] === part));
    return describeSource(source, { path, inherited: own === undefined, ownMethods: fact?.ownMethods ?? false, findings: about });
  });
}

function describeSource(
  source: EffectiveOriginSource,
  where: { path: IssuePath; inherited: boolean; ownMethods: boolean; findings: readonly PolicyIssue[] },
): AuditSource {
  let risk: RiskLevel = source.credentials ? 'medium' : 'low';
  const notes: Text[] = [];
  const warnings: string[] = [];
  for (const finding of where.findings) {
    if (finding.severity === 'error') risk = 'high';
    if (finding.acknowledged === undefined) warnings.push(finding.code);
    notes.push(text`${code(finding.code)}: ${finding.message}${finding.acknowledged === undefined ? '' : ` (acknowledged: ${finding.acknowledged})`}`);
  }
  if (source.credentials && !where.findings.some((f) => f.code === SOURCE_CREDENTIALS_CODE)) {
    // Core always reports it; said here too so no surface can show credentials on a source unflagged.
    warnings.push(SOURCE_CREDENTIALS_CODE);
    notes.push(text`${code(SOURCE_CREDENTIALS_CODE)}: ${describeSourceCredentials(true)} — every site its provider names, tenant-controlled, may read responses with the user's cookies.`);
  }
  return {
    name: source.name,
    credentials: source.credentials,
    methods: source.methods,
    ownMethods: where.ownMethods,
    refreshSeconds: source.refreshSeconds,
    timeoutMs: source.timeoutMs,
    description: source.description,
    lookedUpAtRunTime: true,
    path: where.path,
    inherited: where.inherited,
    risk,
    sentence: sourceSentence(source),
    notes,
    warnings,
  };
}

/**
 * A source as a plain sentence: core's phrase (as explain and the linter say it), then what the audit
 * adds — "Origins from `tenant-domains`, looked up at run time, credentials (cookies) not allowed,
 * methods GET, POST (refreshed every 60 s; a lookup waits at most 200 ms, then refuses)".
 */
export function sourceSentence(source: Pick<EffectiveOriginSource, 'name' | 'credentials' | 'methods' | 'refreshSeconds' | 'timeoutMs'>): Text {
  return text`${upperFirstText(sourcePhrase(source))} (refreshed every ${String(source.refreshSeconds)} s; a lookup waits at most ${String(source.timeoutMs)} ms, then refuses)`;
}

/** Core's phrase for a source, its name as code: "origins from `tenant-domains`, looked up at run time, …". */
function sourcePhrase(source: Pick<EffectiveOriginSource, 'name' | 'credentials' | 'methods'>): Text {
  const { before, name, after } = sourceWording(source);
  return text`${before}${code(name)}${after}`;
}

/*
 * `@org/cors-core/runtime`: what enforcing a policy needs and nothing else — compiled data, the
 * resolver and the host writers. No validator, no public-suffix list, no `node:` module: a few KB in
 * an Edge or proxy bundle. Authoring (definePolicy, lint, explain, compilePolicy) is `@org/cors-core`.
 */
export { loadCompiledPolicy, toRuntimePolicy, isRuntimePolicy, isCompiledPolicyData } from './runtime-policy.js';
export type { RuntimeCorsPolicy, LoadCompiledPolicyOptions } from './runtime-policy.js';
export { COMPILED_POLICY_FORMAT } from './compiled-data.js';
export type {
  CompiledCorsPolicy, CompiledVariantData, CompiledEnvironmentData, CompiledRulesData, CompiledRouteData, CompiledOriginPattern,
  CompiledPreflightData,
} from './compiled-data.js';
export { CorsPolicyError } from './policy-issue.js';
export type { PolicyIssue, IssuePath } from './policy-issue.js';

export { requestFacts } from './request-facts.js';
export type { RequestFacts, HeaderReader } from './request-facts.js';
export { resolveCors } from './resolve.js';
export { MAX_REQUEST_HEADERS_COUNT, MAX_REQUEST_HEADERS_LENGTH } from './request-header-list.js';
export { MAX_ORIGIN_LENGTH } from './origin-matcher.js';
export { MAX_REQUEST_METHOD_LENGTH } from './http-tokens.js';
export { mergeVary } from './vary.js';
export { DecisionReason } from './decision.js';
export type {
  CorsDecision, CorsDecisionKind, HeaderPairs, MatchedRoute, NotCorsDecision, PreflightAllowedDecision,
  PreflightRefusedDecision, ActualAllowedDecision, ActualRefusedDecision,
} from './decision.js';

export { selectPolicyEnvironment } from './select-environment-runtime.js';
export type { PolicyLogger, SelectPolicyEnvironmentOptions } from './select-environment-runtime.js';
export { writeNodeDecision } from './node-writer.js';
export { nodeCorsHandler, CONTINUE, type NodeCorsHandler } from './node-hot-path.js';
export type { NodeRequestHeaders } from './node-hot-path.js';
export type { NodeResponseLike } from './node-writer.js';
export { writeWebDecision, preflightResponse, withCorsHeaders, webRequestFacts } from './web-writer.js';
export type { OriginListProvider, OriginLookupProvider, OriginSourceProvider, OriginSourceProviders } from './origin-source.js';
export { bindOriginSources, sourcesReady, closeSources, prepareOrigin } from './origin-sources.js';
export { originPreparer } from './origin-preparer.js';
export type { OriginPreparer } from './origin-preparer.js';
export type { BindOriginSourcesOptions } from './origin-sources.js';
export type { OriginSourceEvent, OriginSourceEventType } from './source-events.js';
export type { DroppedOriginReason } from './provided-origin.js';

// Decision events, report-only and developer mode (https://github.com/org/cors-policy-as-code/blob/main/docs/decision-events.md)
export { corsDecider, isObserving } from './cors-decider.js';
export { observedNodeCorsHandler } from './node-observed-handler.js';
export type { CorsDecider, CorsEventOptions, CorsObservationOptions } from './cors-decider.js';
export { decisionEvent, describeDecisionEvent, sanitizeEventValue, EVENT_VALUE_CAP } from './decision-events.js';
export type { CorsDecisionEvent, ReportOnlyChange } from './decision-events.js';
export { decisionLogger } from './decision-logger.js';
export type { DecisionLogSink, DecisionLoggerOptions } from './decision-logger.js';
export { compareDecisions, reportOnlyEvent } from './report-only.js';
export { developerModeDecision, assertDeveloperModeAllowed, DeveloperModeError, REFUSAL_HEADER } from './developer-mode.js';

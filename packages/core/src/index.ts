// Loading and validating
export { definePolicy, parsePolicy, policyForEnvironment } from './define-policy.js';
export type { DefinePolicyOptions, ParsePolicyResult } from './define-policy.js';
export { toPolicy, isCorsPolicy } from './to-policy.js';
export { selectPolicyEnvironment } from './select-environment.js';
export type { PolicyLogger, SelectPolicyEnvironmentOptions } from './select-environment.js';
export { policySchema, policyJsonSchema } from './policy-schema.js';
export type { PolicyInput, RouteRuleInput, EnvironmentOverlayInput, PreflightInput, ExpectationInput, OriginEntryInput, OriginSourceInput } from './policy-schema.js';
export { isSourceEntry } from './policy-schema.js';
export { checkExpectations } from './define-policy.js';
export type { ExpectationResult } from './expectations.js';
export type { CorsPolicy, EffectiveRules, EffectiveRoute, EffectiveOriginSource, RouteOwnRules, PreflightSettings } from './policy.js';
export type { Deployment } from './policy.js';
export type { DeploymentInput } from './policy-schema.js';
export { CorsPolicyError, formatIssue, formatIssues, formatIssuePath, sortIssues } from './policy-issue.js';
export type { PolicyIssue, IssuePath } from './policy-issue.js';
export { RULES, isRuleCode } from './rules.js';
export type { RuleCode, RuleDoc, Severity } from './rules.js';
export { CHROMIUM_MAX_AGE_CAP, FIREFOX_MAX_AGE_CAP } from './lint-rules.js';
export { analyseOrigin, originFactsOf, sourceFactsOf } from './origin-facts.js';
export type { OriginFacts, PolicyOriginFacts, PolicySourceFacts } from './origin-facts.js';

// Compiling for the runtime entry (`@org/cors-core/runtime`)
export { compilePolicy } from './compile-policy.js';

// Resolving requests (also in `@org/cors-core/runtime`)
export { loadCompiledPolicy, toRuntimePolicy, isRuntimePolicy, isCompiledPolicyData } from './runtime-policy.js';
export type { RuntimeCorsPolicy, LoadCompiledPolicyOptions } from './runtime-policy.js';
export { COMPILED_POLICY_FORMAT } from './compiled-data.js';
export type {
  CompiledCorsPolicy, CompiledVariantData, CompiledEnvironmentData, CompiledRulesData, CompiledRouteData, CompiledOriginPattern,
  CompiledPreflightData,
} from './compiled-data.js';
export { writeNodeDecision } from './node-writer.js';
export { nodeCorsHandler, CONTINUE, type NodeCorsHandler } from './node-hot-path.js';
export type { NodeRequestHeaders } from './node-hot-path.js';
export type { NodeResponseLike } from './node-writer.js';
export { writeWebDecision, preflightResponse, withCorsHeaders, webRequestFacts } from './web-writer.js';
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

// Decision events, report-only and developer mode (also in `@org/cors-core/runtime`)
export { corsDecider, isObserving } from './cors-decider.js';
export { observedNodeCorsHandler } from './node-observed-handler.js';
export type { CorsDecider, CorsEventOptions, CorsObservationOptions } from './cors-decider.js';
export { decisionEvent, describeDecisionEvent, sanitizeEventValue, EVENT_VALUE_CAP } from './decision-events.js';
export type { CorsDecisionEvent, ReportOnlyChange } from './decision-events.js';
export { decisionLogger } from './decision-logger.js';
export type { DecisionLogSink, DecisionLoggerOptions } from './decision-logger.js';
export { compareDecisions, reportOnlyEvent } from './report-only.js';
export { developerModeDecision, assertDeveloperModeAllowed, DeveloperModeError, REFUSAL_HEADER } from './developer-mode.js';

// Explaining
export { explain, explainDecision, describeReason, describeRefusal, BrowserCheckFailure } from './explain.js';
export { describeSource, describeSourceCredentials, describeSourceCredentialsChange, sourceWording } from './source-wording.js';
export type { SourceWording } from './source-wording.js';
export type { ExplainRequest, Explanation, RefusalReason, RefusalCode, RefusalStage, RefusalParams } from './explain.js';
export type { OriginListProvider, OriginLookupProvider, OriginSourceProvider, OriginSourceProviders } from './origin-source.js';
export { bindOriginSources, sourcesReady, closeSources, prepareOrigin } from './origin-sources.js';
export type { BindOriginSourcesOptions } from './origin-sources.js';
export { originPreparer } from './origin-preparer.js';
export type { OriginPreparer } from './origin-preparer.js';
export type { OriginSourceEvent, OriginSourceEventType } from './source-events.js';
export type { DroppedOriginReason } from './provided-origin.js';

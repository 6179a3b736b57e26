// Placeholder runtime entry (issue 9): the lead's version on main replaces this file on merge.
export { resolveCors } from './resolve.js';
export { requestFacts } from './request-facts.js';
export { mergeVary } from './vary.js';
export { DecisionReason } from './decision.js';

export { CorsPolicyModule } from './cors-policy-module.js';
export type { CorsPolicyModuleAsyncOptions, CorsPolicyModuleOptions } from './cors-policy-module.js';
export { CorsPolicyMiddleware, corsPolicyHandler } from './cors-policy-middleware.js';
export { CORS_OBSERVATION, CORS_POLICY } from './cors-policy-token.js';


export { handleCors } from './handle-cors.js';
export type { CorsOptions, HandleCorsOptions } from './handle-cors.js';
export { withCors } from './with-cors.js';
export type { FetchHandler } from './with-cors.js';
export { cors } from './cors.js';
export type { HonoContextLike, HonoMiddleware } from './cors.js';
export type { CorsPolicySource } from './load-policy.js';

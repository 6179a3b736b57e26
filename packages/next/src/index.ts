export { withCors } from './with-cors.js';
export type { ProxyFunction } from './with-cors.js';
export { corsRoute } from './cors-route.js';
export type { CorsRouteHandlers, RouteHandler, RouteHandlers } from './cors-route.js';
export type { CorsOptions, CorsPolicySource } from '@org/cors-fetch';

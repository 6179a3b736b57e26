export { runConformance, type RunConformanceOptions } from './run-conformance.js';
export { coreTarget } from './core-target.js';
export { startServer } from './start-server.js';
export { ConformanceApp, appBehaviour, appRequestHeaders, type AppBehaviour } from './conformance-app.js';
export { checkResponse } from './check-response.js';
export { browserRefusal } from './browser-verdict.js';
export { sendRequest, type ConformanceResponse } from './send-request.js';
export {
  vectors,
  actualRequestVectors,
  appIntegrationVectors,
  environmentVectors,
  originMatchingVectors,
  patternVectors,
  preflightSettingsVectors,
  preflightVectors,
  privateNetworkVectors,
  robustnessVectors,
  routeVectors,
  wildcardVectors,
} from './vectors/index.js';
export type { ConformanceServerOptions, ConformanceTarget, RunningTarget, TargetSetup } from './target.js';
export type { BrowserVerdict, ConformanceVector, VectorApp, VectorExpect, VectorRequest } from './vector.js';

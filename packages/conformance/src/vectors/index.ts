import type { ConformanceVector } from '../vector.js';
import { actualRequestVectors } from './actual-requests.js';
import { appIntegrationVectors } from './app-integration.js';
import { environmentVectors } from './environments.js';
import { originMatchingVectors } from './origin-matching.js';
import { patternVectors } from './patterns.js';
import { preflightSettingsVectors } from './preflight-settings.js';
import { preflightVectors } from './preflight.js';
import { privateNetworkVectors } from './private-network.js';
import { robustnessVectors } from './robustness.js';
import { routeVectors } from './routes.js';
import { wildcardVectors } from './wildcards.js';

/** Every conformance vector, grouped by theme (the `id` prefix). */
export const vectors: readonly ConformanceVector[] = [
  ...actualRequestVectors,
  ...originMatchingVectors,
  ...patternVectors,
  ...preflightVectors,
  ...wildcardVectors,
  ...preflightSettingsVectors,
  ...privateNetworkVectors,
  ...robustnessVectors,
  ...routeVectors,
  ...environmentVectors,
  ...appIntegrationVectors,
];

import { packageBuild } from '../../tsup.config.base.js';

// adapter-test-policies is data only, for fixture apps that cannot bundle the node/vitest harness.
export default packageBuild({ entry: ['src/index.ts', 'src/adapter-test-policies.ts'] });

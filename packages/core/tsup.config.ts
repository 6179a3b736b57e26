import { packageBuild } from '../../tsup.config.base.js';

// `runtime` is the lean entry for Edge, browsers and Workers (no zod, no tldts, no node:; fenced in tests/fences).
export default packageBuild({ entry: ['src/index.ts', 'src/runtime.ts'] });

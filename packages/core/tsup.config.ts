import { packageBuild } from '../../tsup.config.base.js';

// `runtime` is the lean entry for Edge, browsers and Workers (no zod, no tldts, no node:; fenced in tests/fences).
// `node` is the Node hosts' entry (loadPolicyInNode); its CJS build reads `__filename` and never reaches
// its `import.meta.url` branch, which esbuild would otherwise warn about.
export default packageBuild({
  entry: ['src/index.ts', 'src/runtime.ts', 'src/node.ts'],
  esbuildOptions: (options) => void (options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' }),
});

import { packageBuild } from '../../tsup.config.base.js';

// `runtime` is the lean entry for Edge, browsers and Workers (no zod, no tldts, no node:; fenced in tests/fences).
// `node` is the Node hosts' entry (loadPolicyInNode); its CJS build reads `__filename` and never reaches
// its `import.meta.url` branch, which esbuild would otherwise warn about.
//
// No code splitting: each entry is one self-contained file. Shared chunks made a runtime import load
// the authoring helpers that sit in the same chunk, and every extra module file costs a Node cold start
// about half a millisecond. Copies of core in one process are safe by design (registered symbols, a
// branded `CorsPolicyError`), as they already are between the ESM and CJS builds.
export default packageBuild({
  entry: ['src/index.ts', 'src/runtime.ts', 'src/node.ts'],
  splitting: false,
  esbuildOptions: (options) => void (options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' }),
});

import { packageBuild } from '../../tsup.config.base.js';

export default packageBuild({
  // The worker is its own entry: the loader starts it by URL (`./policy-worker.js`) beside index.js / index.cjs.
  entry: ['src/index.ts', 'src/policy-worker.ts'],
  dts: { entry: 'src/index.ts' },
  // No maps: the CJS map's `sources` would name tsup's own `cjs_shims.js` in the build machine's
  // node_modules, a file no tarball can ship.
  sourcemap: false,
  // The loader creates jiti and the worker URL from `import.meta.url`; the CJS build needs the shim.
  shims: true,
});

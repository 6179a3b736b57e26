import { packageBuild } from '../../tsup.config.base.js';

export default [
  packageBuild({
    // The library: what the docs app imports (loadPolicyFile, the audit model, the diff model).
    entry: ['src/index.ts'],
    // No maps: the CJS map's `sources` would name tsup's own `cjs_shims.js` in the build machine's
    // node_modules, a file no tarball can ship. The bin keeps its maps (ESM, no shim).
    sourcemap: false,
    // The loader creates jiti from `import.meta.url`; the CJS build needs the shim.
    shims: true,
  }),
  packageBuild({
    // The executable: ESM only, with a shebang (tsup keeps it and marks the file executable).
    // No declarations, and no clean: both builds write to the same dist/.
    entry: ['src/bin.ts'],
    format: ['esm'],
    dts: false,
    clean: false,
  }),
];

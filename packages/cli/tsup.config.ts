import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: what the docs app imports (loadPolicyFile, the audit model, the diff model).
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    // tsup sets `baseUrl`, which TypeScript 6 deprecates.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    // No maps: the CJS map's `sources` would name tsup's own `cjs_shims.js` in the build machine's
    // node_modules, a file no tarball can ship. The bin keeps its maps (ESM, no shim).
    sourcemap: false,
    clean: true,
    target: 'es2022',
    // The loader creates jiti from `import.meta.url`; the CJS build needs the shim.
    shims: true,
  },
  {
    // The executable: ESM only, with a shebang (tsup keeps it and marks the file executable).
    entry: ['src/bin.ts'],
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
  },
]);

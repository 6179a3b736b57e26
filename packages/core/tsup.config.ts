import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/runtime.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  // tsup sets `baseUrl`, which TypeScript 6 deprecates.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  // The Node entry's CJS build reads `__filename` and never reaches its `import.meta.url` branch.
  esbuildOptions: (options) => void (options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' }),
  sourcemap: true,
  clean: true,
  target: 'es2022',
});

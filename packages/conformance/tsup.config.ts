import { defineConfig } from 'tsup';

export default defineConfig({
  // adapter-test-policies is data only, for fixture apps that cannot bundle the node/vitest harness.
  entry: ['src/index.ts', 'src/adapter-test-policies.ts'],
  format: ['esm', 'cjs'],
  // tsup sets `baseUrl`, which TypeScript 6 deprecates.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});

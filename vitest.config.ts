import { defineConfig } from 'vitest/config';

// Each package has its own `vitest.config.ts` (defineProject); this root config runs them all at once.
export default defineConfig({
  test: { projects: ['packages/*', 'apps/*', 'tests/*', 'bench'] },
});

import type { Options } from 'tsup';

/**
 * The one build every package shares: ESM + CJS with declarations for both (`.d.ts` / `.d.cts`),
 * ES2022, maps, a clean `dist/`. A package's `tsup.config.ts` names its entries and only the
 * settings where it really differs (and says why there).
 */
const BASE = {
  format: ['esm', 'cjs'],
  // tsup sets `baseUrl`, which TypeScript 6 deprecates.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
} as const satisfies Options;

/** The shared build plus `options`; an object `dts` keeps the shared compiler options. */
export function packageBuild(options: Options & Required<Pick<Options, 'entry'>>): Options {
  const dts = typeof options.dts === 'object'
    ? { ...options.dts, compilerOptions: { ...BASE.dts.compilerOptions, ...options.dts.compilerOptions } }
    : (options.dts ?? BASE.dts);
  return { ...BASE, format: [...BASE.format], ...options, dts };
}

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

type Loader = typeof import('../src/index.js');

export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The loader as built (ESM), from the global setup. */
export const loader = (await import(inject('loaderEntry'))) as Loader;

/** The loader as built (CommonJS), for the CJS consumers' path to the worker. */
export const cjsLoader = createRequire(import.meta.url)(inject('loaderCjsEntry')) as Loader;

import * as core from '@org/cors-core';
import type { Jiti } from 'jiti';
import { loadErrorFromThrown } from './load-error-from-thrown.js';

/*
 * TypeScript files are loaded with jiti: a dependency-free, pure-JavaScript loader with a programmatic
 * API. Unlike tsx it registers no process-wide loader hooks and needs no native esbuild binary.
 * `importModule` runs in the caller's process: it is for trusted files (`cors-policy migrate`'s
 * options). Policy files go through `loadPolicyFile`, which evaluates them in a time-limited worker.
 */
let jiti: Jiti | undefined;

/** Created on first use: loading jiti is costly, and policy files never need it in this thread. */
async function sharedJiti(): Promise<Jiti> {
  const { createJiti } = await import('jiti');
  jiti ??= createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: false, virtualModules: { '@org/cors-core': core } });
  return jiti;
}

const moduleExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/** Whether a file with this extension is a module (`.json` is read by the callers). */
export function isModuleExtension(extension: string): boolean {
  return moduleExtensions.has(extension);
}

/**
 * Imports a JavaScript or TypeScript file in this process and returns its exports. Anything it throws
 * (syntax errors, `throw null`…) becomes a {@link PolicyLoadError} with a short message.
 */
export async function importModule(absolutePath: string, displayPath: string): Promise<unknown> {
  try {
    return await (await sharedJiti()).import(absolutePath);
  } catch (error) {
    throw loadErrorFromThrown(error, displayPath);
  }
}

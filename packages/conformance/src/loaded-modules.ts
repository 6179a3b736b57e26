import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';

/** Module paths of the validator and the public-suffix list: what a compiled policy must not load. */
export const VALIDATOR = /[/\\](zod|tldts|tldts-core)[/\\]/;

/**
 * For adapters' tests: bundles the package's src/index.ts as the published build is bundled (dependencies external), into a temporary
 * folder inside the package (so they resolve from its node_modules; dist/ is never touched), then runs
 * `script(adapterUrl)` as an ES module in a fresh Node and returns every module it loaded: ES modules
 * as the loader resolved them (a resolve hook logs each URL), CommonJS modules from `require.cache`.
 */
export async function loadedModules(packageDir: string, script: (adapterUrl: string) => string): Promise<string[]> {
  const outDir = mkdtempSync(join(packageDir, 'node_modules', '.cors-loaded-modules-'));
  try {
    await build({ entry: [join(packageDir, 'src/index.ts')], format: ['esm'], outDir, outExtension: () => ({ js: '.mjs' }), target: 'es2022', platform: 'node', config: false, silent: true, skipNodeModulesBundle: true });
    const log = join(outDir, 'loaded.log');
    const hooks = `import { appendFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const resolved = await next(specifier, context);
        appendFileSync(process.env.LOADED_MODULES_LOG, resolved.url + '\\n');
        return resolved;
      }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const head = `import { createRequire as __cr } from 'node:module'; import { appendFileSync as __append } from 'node:fs';`;
    const tail = `__append(process.env.LOADED_MODULES_LOG, Object.keys(__cr(import.meta.url).cache).join('\\n') + '\\n');`;
    const body = script(pathToFileURL(join(outDir, 'index.mjs')).href);
    execFileSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', `${head}\n${body}\n${tail}`], {
      cwd: packageDir,
      env: { ...process.env, LOADED_MODULES_LOG: log },
      stdio: 'pipe',
    });
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

it('bundles for a platform without Node.js: no node: module, no validator, no public-suffix list', async () => {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => /node_modules\/(zod|tldts)/.test(path) || path.startsWith('node:'))).toEqual([]);
  // Through the package's exports map, as an installed app resolves it: the runtime entry only.
  expect(inputs).toContainEqual(expect.stringMatching(/core\/dist\/runtime\.js$/));
  expect(inputs).not.toContainEqual(expect.stringMatching(/core\/dist\/index\.js$/));
  const code = result.outputFiles[0]?.text ?? '';
  expect(code).not.toMatch(/from\s*"node:|require\("node:/);
  // A few KB: the resolver, the compiled-data loader and the Web writer.
  expect(code.length).toBeLessThan(24 * 1024);
});

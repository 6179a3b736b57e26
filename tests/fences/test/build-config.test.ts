import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { valueImportsOf } from '../src/module-graph.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUILT_PACKAGES = readdirSync(join(root, 'packages')).filter((dir) => existsSync(join(root, 'packages', dir, 'tsup.config.ts')));

// One build for every package (tsup.config.base.ts): a package's config names its entries and its real
// differences, so a fix to the shared build (formats, declarations, target) reaches every package.
describe('one shared build config', () => {
  it('finds the packages that build with tsup', () => {
    expect(BUILT_PACKAGES).toEqual(expect.arrayContaining(['core', 'express', 'koa', 'nest', 'next', 'cli']));
  });

  it.each(BUILT_PACKAGES)('packages/%s/tsup.config.ts builds from the shared config, not a copy of it', (dir) => {
    const imports = valueImportsOf(readFileSync(join(root, 'packages', dir, 'tsup.config.ts'), 'utf8'), 'tsup.config.ts');
    expect(imports).toEqual(['../../tsup.config.base.js']);
  });
});

// prepack guard for the published packages: refuses to pack a package whose build is missing or
// half-written (every file its package.json points to — exports, main, module, types, bin — must exist
// and be non-empty). `pnpm pack` would otherwise ship a tarball without, say, its `.d.ts` files while
// a rebuild is under way. Exit code 1 with the missing files listed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** Every file path a manifest field names (conditions and nested export maps included). */
function targets(value) {
  if (typeof value === 'string') return value.startsWith('./') && !value.includes('*') ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(targets);
}

const named = [
  ...targets(manifest.exports),
  ...targets({ main: manifest.main, module: manifest.module, types: manifest.types }),
  ...targets(typeof manifest.bin === 'string' ? { bin: manifest.bin } : (manifest.bin ?? {})),
].map((file) => (file.startsWith('./') ? file : `./${file}`));

const missing = [...new Set(named)].filter((file) => !existsSync(join(dir, file)) || statSync(join(dir, file)).size === 0);
if (missing.length > 0) {
  console.error(`${manifest.name}: not packing, the build is missing or incomplete (run the build first):\n${missing.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}

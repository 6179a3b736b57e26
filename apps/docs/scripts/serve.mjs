// `pnpm --filter @org/docs serve`: the built site (out/) on http://127.0.0.1:$PORT (default 4000).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');
if (!existsSync(join(root, 'index.html'))) {
  console.error(`No site in ${root}: run \`pnpm --filter @org/docs build\` first.`);
  process.exit(1);
}
const { url } = await startStaticServer({ root, port: Number(process.env.PORT ?? 4000), host: process.env.HOST ?? '127.0.0.1' });
console.log(`CORS policy docs: ${url}/`);

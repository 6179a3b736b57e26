import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { formatTable } from '../shared/format-table.js';
import { compiledJson, seedInput } from '../shared/runtime-path.js';
import { target, type TargetResult } from '../shared/targets.js';
import { proxySource, SIZE_CONTENDERS, type SeedForms, type SizeContender } from './proxy-sources.js';

/*
 * Bundle size: each proxy bundled with esbuild `--bundle --minify --format=esm`, `next` and `next/*`
 * external (Next.js supplies them), once for a Node `proxy.ts` (platform node) and once for an Edge
 * `middleware.ts` (the edge-light/worker/browser conditions Next.js resolves Edge code with). The
 * figure is gzip -9 bytes above the bare proxy's: what adding CORS costs the proxy bundle.
 * Deterministic, so there is no spread.
 */

const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));
export type ProxyRuntime = 'node' | 'edge';
const RUNTIMES: readonly ProxyRuntime[] = ['node', 'edge'];
const LEAN_LIMIT = 4096;

interface BundleSize {
  readonly bytes: number;
  readonly gzip: number;
  /** The bundle itself (ESM, `next/*` imports left in). */
  readonly code: string;
}

export async function bundle(source: string, runtime: ProxyRuntime): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: BENCH_DIR, sourcefile: runtime === 'node' ? 'proxy.js' : 'middleware.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['next', 'next/*'],
    platform: runtime === 'node' ? 'node' : 'browser',
    conditions: runtime === 'node' ? [] : ['edge-light', 'worker'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { bytes: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, code: result.outputFiles[0]!.text };
}

export function seedForms(): SeedForms {
  const input = seedInput();
  return { input, compiled: compiledJson(input) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

export async function sizeBench(): Promise<{ report: string; targets: TargetResult[] }> {
  const seed = seedForms();
  const sizes = new Map<string, BundleSize | string>();
  for (const runtime of RUNTIMES) {
    for (const contender of SIZE_CONTENDERS) {
      const source = proxySource(contender, runtime === 'node' ? 'proxy' : 'middleware', seed);
      const key = `${runtime}|${contender}`;
      if (source === undefined) {
        sizes.set(key, 'n/a (no @org/cors-core/runtime)');
        continue;
      }
      try {
        sizes.set(key, await bundle(source, runtime));
      } catch (error) {
        sizes.set(key, `build failed: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
  const get = (runtime: ProxyRuntime, c: SizeContender) => sizes.get(`${runtime}|${c}`);
  const rows: string[][] = [];
  const targets: TargetResult[] = [];
  for (const runtime of RUNTIMES) {
    const bare = get(runtime, 'bare');
    if (bare === undefined || typeof bare === 'string') throw new Error(`bare ${runtime} proxy: ${bare}`);
    for (const contender of SIZE_CONTENDERS) {
      const size = get(runtime, contender)!;
      const label = `${runtime === 'node' ? 'proxy.ts (Node)' : 'middleware.ts (Edge)'}: ${contender}`;
      if (typeof size === 'string') rows.push([label, '', '', '', size]);
      else rows.push([label, size.bytes.toLocaleString('en-US'), size.gzip.toLocaleString('en-US'), contender === 'bare' ? '' : kb(size.gzip - bare.gzip), '']);
    }
    const lean = get(runtime, 'ours lean');
    const above = typeof lean === 'string' || lean === undefined ? undefined : lean.gzip - bare.gzip;
    targets.push(target(
      `bundle: ours lean ${runtime === 'node' ? 'proxy.ts' : 'middleware.ts (Edge)'}, gzip above bare`,
      above === undefined ? 'n/a' : kb(above),
      above === undefined ? undefined : above / 1024,
      '≤ 4 KB',
      (v) => v <= LEAN_LIMIT / 1024,
      { note: above === undefined ? String(lean) : undefined },
    ));
    // For scale: the lean path against hono's and the docs' hand-written proxy.
    const hono = get(runtime, 'hono/cors');
    if (above !== undefined && typeof hono === 'object') rows.push([`${runtime}: ours lean ÷ hono/cors (above bare)`, '', '', `${(above / (hono.gzip - bare.gzip)).toFixed(2)}×`, '']);
  }
  if (seed.compiled !== undefined) {
    const json = Buffer.from(seed.compiled);
    rows.push(['the seed\'s compiled JSON alone (inlined in both ours runtime rows)', json.byteLength.toLocaleString('en-US'), gzipSync(json, { level: 9 }).byteLength.toLocaleString('en-US'), '', '']);
  }
  const report = `bundle size (esbuild --bundle --minify --format=esm, next external; gzip -9)\n${formatTable(['proxy: contender', 'bytes', 'gzip bytes', 'gzip above bare', 'note'], rows)}`;
  return { report, targets };
}

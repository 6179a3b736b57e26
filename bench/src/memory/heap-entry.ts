/*
 * The script each memory sample runs in a fresh `node --expose-gc` process: it reads its data (JSON
 * text) and imports its package first, takes heapUsed after two full GCs, parses the data and builds
 * the structure (timing only the build), drops everything but the structure, collects again and
 * prints `{ retained, loadMs }` as JSON. Retained bytes therefore include the origin strings, for
 * every contender alike.
 */

export type MemoryContender = 'Set of strings' | 'ours runtime' | 'ours authoring';
export const MEMORY_CONTENDERS: readonly MemoryContender[] = ['Set of strings', 'ours runtime', 'ours authoring'];

/** How each contender imports its package and builds its structure from the parsed data. */
const BUILD: Readonly<Record<MemoryContender, string>> = {
  'Set of strings': 'const build = (data) => new Set(data);',
  'ours runtime': "const { loadCompiledPolicy } = await import('@org/cors-core/runtime');\nconst build = (data) => loadCompiledPolicy(data);",
  'ours authoring': "const { definePolicy } = await import('@org/cors-core');\nconst build = (data) => definePolicy(data);",
};

export function heapEntry(contender: MemoryContender): string {
  return `import { readFileSync } from 'node:fs';
const text = readFileSync(process.argv[2], 'utf8');
${BUILD[contender]}
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const before = heap();
let kept;
let loadMs;
{
  const data = JSON.parse(text);
  const t0 = performance.now();
  kept = build(data);
  loadMs = performance.now() - t0;
}
const retained = heap() - before;
process.stdout.write(JSON.stringify({ retained, loadMs, alive: kept !== undefined && text.length > 0 }));
`;
}

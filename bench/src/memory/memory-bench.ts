import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatTable, median, percent, spread } from '../shared/format-table.js';
import { originList } from '../shared/origin-list.js';
import { compiledJson, seedInput } from '../shared/runtime-path.js';
import { target, type TargetResult } from '../shared/targets.js';
import { heapEntry, MEMORY_CONTENDERS, type MemoryContender } from './heap-entry.js';

/*
 * Memory and load time with 100,000 exact origins: retained heap per origin of a plain `Set` of the
 * strings, of `loadCompiledPolicy(compiled)` and of `definePolicy(input)`, and how long the last two
 * take to build. One fresh `node --expose-gc` process per sample, contenders interleaved,
 * BENCH_MEMORY_SAMPLES (default 3) samples; medians and spread.
 */

const GENERATED = fileURLToPath(new URL('../../.generated/memory/', import.meta.url));
const SAMPLES = Math.max(1, Number(process.env['BENCH_MEMORY_SAMPLES'] ?? 3));
const MEMORY_ORIGINS = 100_000;

export function memoryData(contender: MemoryContender, origins: readonly string[]): string {
  if (contender === 'Set of strings') return JSON.stringify(origins);
  if (contender === 'ours runtime') return compiledJson(seedInput(origins));
  return JSON.stringify(seedInput(origins));
}

interface Sample {
  readonly retained: number;
  readonly loadMs: number;
}

export function memoryBench(): { report: string; targets: TargetResult[] } {
  mkdirSync(GENERATED, { recursive: true });
  const origins = originList(MEMORY_ORIGINS);
  const runnable = new Map<MemoryContender, { script: string; data: string }>();
  for (const contender of MEMORY_CONTENDERS) {
    const json = memoryData(contender, origins);
    const slug = contender.replace(/[^a-z]+/gi, '-').toLowerCase();
    const script = `${GENERATED}${slug}.mjs`;
    const data = `${GENERATED}${slug}.json`;
    writeFileSync(script, heapEntry(contender));
    writeFileSync(data, json);
    runnable.set(contender, { script, data });
  }
  const samples = new Map<MemoryContender, Sample[]>();
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < MEMORY_CONTENDERS.length; j++) {
      const contender = MEMORY_CONTENDERS[(i + j) % MEMORY_CONTENDERS.length] as MemoryContender;
      const run = runnable.get(contender);
      if (run === undefined) continue;
      const out = execFileSync(process.execPath, ['--expose-gc', run.script, run.data], { encoding: 'utf8', maxBuffer: 1 << 20 });
      samples.set(contender, [...(samples.get(contender) ?? []), JSON.parse(out) as Sample]);
    }
    process.stderr.write(`  memory: sample ${i + 1}/${SAMPLES}\r`);
  }
  process.stderr.write('\n');
  const perOrigin = (c: MemoryContender) => samples.get(c)?.map((s) => s.retained / MEMORY_ORIGINS);
  const loadMs = (c: MemoryContender) => samples.get(c)?.map((s) => s.loadMs);
  const setBytes = median(perOrigin('Set of strings')!);
  const rows = MEMORY_CONTENDERS.map((c) => {
    const bytes = perOrigin(c);
    const ms = loadMs(c);
    if (bytes === undefined || ms === undefined) return [c, 'n/a', '', '', '', ''];
    return [c, median(bytes).toFixed(1), percent(spread(bytes)), `${(median(bytes) / setBytes).toFixed(2)}×`, median(ms).toFixed(1), percent(spread(ms))];
  });
  const targets: TargetResult[] = [];
  for (const c of ['ours runtime', 'ours authoring'] as const) {
    const bytes = perOrigin(c);
    const ratio = bytes === undefined ? undefined : median(bytes) / setBytes;
    targets.push(target(`memory, 100,000 origins: ${c} ÷ Set, bytes per origin`, bytes === undefined ? 'n/a' : `${median(bytes).toFixed(0)} B vs ${setBytes.toFixed(0)} B`, ratio, '≤ 2×', (v) => v <= 2, { spread: bytes === undefined ? undefined : spread(bytes) }));
  }
  for (const c of ['ours runtime', 'ours authoring'] as const) {
    const ms = loadMs(c);
    const s = ms === undefined ? undefined : median(ms) / 1000;
    targets.push(target(`load time, 100,000 origins: ${c === 'ours runtime' ? 'loadCompiledPolicy' : 'definePolicy'}`, s === undefined ? 'n/a' : `${s.toFixed(3)} s`, s, '≤ 0.5 s', (v) => v <= 0.5, { spread: ms === undefined ? undefined : spread(ms) }));
  }
  const report =
    `memory and load time, ${MEMORY_ORIGINS.toLocaleString('en-US')} exact origins (fresh node --expose-gc per sample, ${SAMPLES} samples; heapUsed after GC, strings included; load excludes JSON.parse)\n` +
    formatTable(['structure', 'bytes/origin', 'spread', '÷ Set', 'load ms', 'spread'], rows);
  return { report, targets };
}

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatTable, median, percent, spread } from '../shared/format-table.js';
import { originList } from '../shared/origin-list.js';
import { compiledJson, seedInput } from '../shared/runtime-path.js';
import { target, type TargetResult } from '../shared/targets.js';
import { anchorOptions, COLD_CONTENDERS, coldEntry, type ColdContender } from './cold-entries.js';

/*
 * Cold start: a fresh `node` process per sample, contenders interleaved (round-robin) so a busy
 * moment spoils one sample of each rather than one contender's cell. Median and spread of
 * BENCH_COLD_SAMPLES (default 10, at least 10) samples per cell, with the seed policy's origins and
 * with 10,000.
 */

const GENERATED = fileURLToPath(new URL('../../.generated/cold/', import.meta.url));
const SAMPLES = Math.max(10, Number(process.env['BENCH_COLD_SAMPLES'] ?? 10));
const SIZES = [2, 10_000] as const;
type Size = (typeof SIZES)[number];

/** The JSON each contender reads for `origins`. */
export function coldData(contender: ColdContender, origins: readonly string[]): string {
  if (contender === 'ours cors-fetch') return compiledJson(seedInput(origins));
  if (contender === 'ours authoring') return JSON.stringify(seedInput(origins));
  return JSON.stringify(anchorOptions(origins));
}

export function sample(script: string, dataFile: string): number {
  const out = execFileSync(process.execPath, [script, dataFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return (JSON.parse(out) as { ms: number }).ms;
}

interface ColdResult {
  readonly report: string;
  readonly targets: TargetResult[];
}

export function coldStartBench(): ColdResult {
  mkdirSync(GENERATED, { recursive: true });
  const runnable = new Map<string, { script: string; data: string }>();
  for (const contender of COLD_CONTENDERS) {
    const script = `${GENERATED}${contender.replace(/[^a-z]+/g, '-')}.mjs`;
    writeFileSync(script, coldEntry(contender));
    for (const size of SIZES) {
      const json = coldData(contender, size === 2 ? seedInput().origins.filter((o) => typeof o === 'string') : originList(size));
      const data = `${GENERATED}${contender.replace(/[^a-z]+/g, '-')}-${size}.json`;
      writeFileSync(data, json);
      runnable.set(`${size}|${contender}`, { script, data });
    }
  }
  const samples = new Map<string, number[]>();
  for (let i = 0; i < SAMPLES; i++) {
    for (const size of SIZES) {
      for (let j = 0; j < COLD_CONTENDERS.length; j++) {
        const contender = COLD_CONTENDERS[(i + j) % COLD_CONTENDERS.length] as ColdContender;
        const key = `${size}|${contender}`;
        const run = runnable.get(key);
        if (run === undefined) continue;
        samples.set(key, [...(samples.get(key) ?? []), sample(run.script, run.data)]);
      }
    }
    process.stderr.write(`  cold start: sample ${i + 1}/${SAMPLES}\r`);
  }
  process.stderr.write('\n');
  const cell = (size: Size, c: ColdContender) => samples.get(`${size}|${c}`);
  const med = (size: Size, c: ColdContender) => {
    const s = cell(size, c);
    return s === undefined ? undefined : median(s);
  };
  const rows: string[][] = [];
  for (const size of SIZES) {
    const hono = med(size, 'hono/cors');
    for (const contender of COLD_CONTENDERS) {
      const s = cell(size, contender);
      const label = `${size === 2 ? 'seed policy (2 origins)' : `${size.toLocaleString('en-US')} origins`}: ${contender}`;
      if (s === undefined) {
        rows.push([label, 'n/a', '', '', '']);
        continue;
      }
      rows.push([label, median(s).toFixed(2), percent(spread(s)), hono === undefined ? '' : `${(median(s) / hono).toFixed(2)}×`, `${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)}`]);
    }
  }
  const targets: TargetResult[] = [];
  for (const [size, limit] of [[2, 1.5], [10_000, 3]] as const) {
    const ours = med(size, 'ours cors-fetch');
    const hono = med(size, 'hono/cors')!;
    const ratio = ours === undefined ? undefined : ours / hono;
    const ourSpread = cell(size, 'ours cors-fetch');
    targets.push(target(
      `cold start, ${size === 2 ? 'seed policy' : '10,000 origins'}: ours (cors-fetch, compiled) ÷ hono/cors`,
      ours === undefined ? 'n/a' : `${ours.toFixed(2)} ms vs ${hono.toFixed(2)} ms`,
      ratio,
      `≤ ${limit}×`,
      (v) => v <= limit,
      { spread: ourSpread === undefined ? undefined : Math.max(spread(ourSpread), spread(cell(size, 'hono/cors')!)) },
    ));
  }
  const report =
    `cold start (fresh node process per sample, ${SAMPLES} samples per cell, interleaved; ms from importing the CORS package to the middleware built, host framework imported before)\n` +
    formatTable(['policy: contender', 'median ms', 'spread', '÷ hono/cors', 'min–max ms'], rows);
  return { report, targets };
}

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLD_CONTENDERS, coldEntry } from '../src/cold/cold-entries.js';
import { coldData, sample } from '../src/cold/cold-start.js';
import { heapEntry, MEMORY_CONTENDERS } from '../src/memory/heap-entry.js';
import { memoryData } from '../src/memory/memory-bench.js';
import { originList } from '../src/shared/origin-list.js';

/*
 * The cold-start and memory benches run these generated scripts in fresh processes; each must load
 * its contender from the data it is given and report a figure. Small origin lists: no timings.
 */

const GENERATED = fileURLToPath(new URL('../.generated/test-entries/', import.meta.url));
mkdirSync(GENERATED, { recursive: true });
const slug = (name: string) => name.replace(/[^a-z]+/gi, '-').toLowerCase();

describe.each(COLD_CONTENDERS)('cold start: %s', (contender) => {
  it('loads the policy from its data and prints the milliseconds it took', () => {
    const script = `${GENERATED}cold-${slug(contender)}.mjs`;
    const data = `${GENERATED}cold-${slug(contender)}.json`;
    writeFileSync(script, coldEntry(contender));
    writeFileSync(data, coldData(contender, originList(50)));
    const ms = sample(script, data);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(60_000);
  });
});

it('cold start: ours (@org/cors-fetch) reads compiled data, ours authoring the policy input', () => {
  expect(JSON.parse(coldData('ours cors-fetch', originList(5))).format).toMatch(/^cors-policy\/compiled@/);
  expect(JSON.parse(coldData('ours authoring', originList(5))).origins).toHaveLength(5);
  expect(coldEntry('ours cors-fetch')).toContain("import('@org/cors-fetch')");
});

it('cold start: a contender whose data is not what it expects fails instead of printing a time', () => {
  const script = `${GENERATED}cold-bad.mjs`;
  const data = `${GENERATED}cold-bad.json`;
  writeFileSync(script, coldEntry('ours cors-fetch'));
  writeFileSync(data, JSON.stringify({ origins: ['https://a.example'] }));
  expect(() => sample(script, data)).toThrow();
});

describe.each(MEMORY_CONTENDERS)('memory: %s', (contender) => {
  it('builds its structure from 1,000 origins and reports the heap it retains', () => {
    const script = `${GENERATED}heap-${slug(contender)}.mjs`;
    const data = `${GENERATED}heap-${slug(contender)}.json`;
    writeFileSync(script, heapEntry(contender));
    writeFileSync(data, memoryData(contender, originList(1_000)));
    const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', script, data], { encoding: 'utf8' })) as { retained: number; loadMs: number; alive: boolean };
    expect(out.alive).toBe(true);
    // At least the origin strings themselves (~40 bytes each) stay reachable.
    expect(out.retained).toBeGreaterThan(1_000 * 40);
    expect(out.loadMs).toBeGreaterThan(0);
  });
});

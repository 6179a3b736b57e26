import { median } from '../shared/format-table.js';
import { buildCases, time } from './sources-bench.js';

/*
 * One case of the sources bench, alone in this process (argv[2]: its name): warmed up, then timed three
 * times; prints {"ns": median p50}. The sources bench runs every sample here, so no case shares JIT
 * feedback with another, as no deployment mounts them all at once.
 */

const name = process.argv[2];
const { cases, close } = await buildCases();
const chosen = cases.find((c) => c.name === name);
if (chosen === undefined) throw new Error(`no sources bench case named ${String(name)}; expected one of: ${cases.map((c) => c.name).join(', ')}`);
await time(chosen.op);
const samples = [await time(chosen.op), await time(chosen.op), await time(chosen.op)];
close();
process.stdout.write(JSON.stringify({ ns: median(samples) }));

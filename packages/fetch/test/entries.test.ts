import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cors, handleCors, withCors } from '../src/index.js';
import { withCors as observedWithCors } from '../src/observed.js';
import { allowed, defined } from './policies.js';

const ok = () => new Response('ok');
const observing = [{ onDecision: () => undefined }, { reportOnly: defined }, { developerMode: true }] as const;

describe('the plain entry refuses the observing options instead of dropping them', () => {
  for (const options of observing) {
    const name = Object.keys(options)[0];
    it(`withCors and cors throw a TypeError naming @org/cors-fetch/observed for ${name}`, () => {
      expect(() => withCors(defined, ok, options as never)).toThrow(/@org\/cors-fetch\/observed/);
      expect(() => cors(defined, options as never)).toThrow(TypeError);
    });
    it(`handleCors rejects for ${name} before the handler runs`, async () => {
      let ran = false;
      const request = new Request('https://api.example.com/api/items', { headers: { origin: allowed } });
      await expect(handleCors(defined, request, () => ((ran = true), ok()), options as never)).rejects.toThrow(/observed/);
      expect(ran).toBe(false);
    });
  }

  it('the observed entry takes the same options and reports the decision', async () => {
    const events: unknown[] = [];
    const handler = observedWithCors(defined, ok, { onDecision: (event) => events.push(event) });
    const response = await handler(new Request('https://api.example.com/api/items', { headers: { origin: allowed } }));
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(events).toEqual([expect.objectContaining({ origin: allowed, reason: 'origin-allowed' })]);
  });
});

describe('what each entry puts in a bundle', () => {
  const bundle = async (file: string) => {
    const entry = fileURLToPath(new URL(`../src/${file}`, import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
    return result.outputFiles[0]?.text ?? '';
  };

  it('the plain entry carries no decision-event, report-only or developer-mode code; the observed entry does', async () => {
    // Strings only those features write: the developer-mode header, the hook-error message, the report-only field.
    const markers = [/CORS-Policy-Refusal/i, /onDecision threw/, /would-refuse/];
    const plain = await bundle('index.ts');
    const observed = await bundle('observed.ts');
    for (const marker of markers) {
      expect(plain).not.toMatch(marker);
      expect(observed).toMatch(marker);
    }
    expect(plain.length).toBeLessThan(observed.length);
  });
});

import { describe, expect, it } from 'vitest';
import { checkExpectations, definePolicy, parsePolicy, type PolicyInput } from '../src/index.js';
import { lint } from './helpers.js';

const input = {
  name: 'shop-api',
  origins: ['https://shop.example'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowHeaders: ['Authorization'],
  environments: { development: { developmentOnly: true, origins: ['http://localhost:3000'] } },
  expectations: [
    { description: 'The shop may update with a token.', request: { origin: 'https://shop.example', method: 'PUT', headers: ['Authorization'], credentials: true }, allowed: true },
    { description: 'Strangers may not read.', request: { origin: 'https://evil.example' }, allowed: false },
    { description: 'Local dev works in development.', environment: 'development', request: { origin: 'http://localhost:3000', credentials: true }, allowed: true },
  ],
} satisfies PolicyInput;

describe('policy expectations', () => {
  it('load when the resolver does what they say, each under its own environment', () => {
    const results = checkExpectations(definePolicy(input));
    expect(results.map((r) => [r.index, r.pass, r.explanation.allowed])).toEqual([[0, true, true], [1, true, false], [2, true, true]]);
  });

  it('refuse to load a policy that contradicts one, with the actual explanation', () => {
    const wrong = { ...input, expectations: [...input.expectations, { description: 'The shop may delete items.', request: { origin: 'https://shop.example', method: 'DELETE' }, allowed: true }] };
    const result = parsePolicy(wrong);
    expect(result.ok).toBe(false);
    expect(result.issues.map(({ code, path, message, hint }) => ({ code, path, message, hint }))).toMatchInlineSnapshot(`
      [
        {
          "code": "expectations/failed",
          "hint": "Allow it in the policy, or correct the expectation if the intent changed.",
          "message": "Expected DELETE / from https://shop.example to be allowed, but it is refused: Refused: DELETE / from https://shop.example — the method is not in the policy's methods.",
          "path": [
            "expectations",
            3,
          ],
        },
      ]
    `);
  });

  it('refuse an expectation naming an undefined environment', () => {
    const typo = { ...input, expectations: [{ environment: 'develpoment', request: { origin: 'http://localhost:3000' }, allowed: true }] };
    expect(lint(typo).findings).toEqual([expect.stringMatching(/^error expectations\[0\]\.environment environments\/unknown/)]);
  });
});

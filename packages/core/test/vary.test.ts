import { describe, expect, it } from 'vitest';
import { mergeVary } from '../src/index.js';

describe('mergeVary', () => {
  it('appends to the app\'s Vary, never overwriting it', () => {
    expect(mergeVary('Accept-Encoding', ['Origin'])).toBe('Accept-Encoding, Origin');
    expect(mergeVary(['Accept-Encoding', 'Accept-Language'], ['Origin'])).toBe('Accept-Encoding, Accept-Language, Origin');
  });

  it('adds each token once, case-insensitively', () => {
    expect(mergeVary('origin, Accept', ['Origin', 'Access-Control-Request-Method'])).toBe('origin, Accept, Access-Control-Request-Method');
    expect(mergeVary(undefined, ['Origin'])).toBe('Origin');
  });

  it('leaves "*" alone: it already varies on everything', () => {
    expect(mergeVary('*', ['Origin'])).toBe('*');
    expect(mergeVary('Accept, *', ['Origin'])).toBe('Accept, *');
  });

  it('writes nothing when there is nothing to add and nothing set', () => {
    expect(mergeVary(undefined, [])).toBeUndefined();
    expect(mergeVary(null, [])).toBeUndefined();
    expect(mergeVary('', [])).toBeUndefined();
    expect(mergeVary('Accept', [])).toBe('Accept');
  });
});

import { describe, expect, it } from 'vitest';
import { mergeVary } from '../src/runtime.js';

/*
 * mergeVary against the app's existing Vary as hosts hand it over (string, list of lines, number):
 * a token already there, in any case and at any place in the list, is never added twice.
 */

describe('mergeVary recognises a token the app already varies on', () => {
  it('after a comma and a space, in another case', () => {
    expect(mergeVary('Accept-Encoding, Origin', ['Origin'])).toBe('Accept-Encoding, Origin');
    expect(mergeVary('Accept-Encoding,ORIGIN', ['Origin'])).toBe('Accept-Encoding,ORIGIN');
    expect(mergeVary('Accept-Encoding ,\tOrigin\t', ['origin'])).toBe('Accept-Encoding ,\tOrigin\t');
  });

  it('on any line of a repeated Vary header', () => {
    expect(mergeVary(['Accept-Encoding', 'Origin'], ['Origin', 'Access-Control-Request-Method'])).toBe('Accept-Encoding, Origin, Access-Control-Request-Method');
    expect(mergeVary(['Accept', 'Accept-Language'], ['Accept-Language'])).toBe('Accept, Accept-Language');
  });

  it('and adds every missing token in order, each once, when several are given', () => {
    expect(mergeVary(undefined, ['Origin', 'Access-Control-Request-Method'])).toBe('Origin, Access-Control-Request-Method');
    expect(mergeVary('Accept', ['Origin', 'Access-Control-Request-Method', 'Origin'])).toBe('Accept, Origin, Access-Control-Request-Method');
  });
});

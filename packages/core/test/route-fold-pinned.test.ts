import { describe, expect, it } from 'vitest';
import { definePolicy } from '../src/index.js';
import { requestFacts, resolveCors } from '../src/runtime.js';

/*
 * ASCII case folding of route patterns and request paths at the ends of A–Z, in every matcher form:
 * exact, `/prefix/**` and segment wildcards (which fold the whole path before splitting it).
 */

const APP = 'https://app.example.com';

function routeOf(pattern: string, path: string): number | undefined {
  const policy = definePolicy({ name: 'fold', origins: [APP], routes: [{ path: pattern, methods: ['PUT'] }] });
  return resolveCors(policy, requestFacts('GET', path, (n) => (n === 'origin' ? APP : undefined))).route?.index;
}

describe('route matching folds A and Z like every other letter', () => {
  it.each([
    ['/ZAZ', '/zaz'], ['/zaz', '/ZAZ'],
    ['/ZONE/**', '/zone/a'], ['/zone/**', '/ZONE/A'],
    ['/ZONE/*', '/zone/a'], ['/zone/*', '/ZONE/A'], ['/AZ/*/Z', '/az/x/z'], ['/az/*/z', '/AZ/X/Z'],
  ])('%s covers %s', (pattern, path) => {
    expect(routeOf(pattern, path)).toBe(0);
  });

  it.each([['/zone/*', '/zonf/a'], ['/ZONE/*', '/ZONF/A'], ['/a[/*', '/a{/x']])('%s does not cover %s', (pattern, path) => {
    expect(routeOf(pattern, path)).toBeUndefined();
  });
});

import { afterEach, vi } from 'vitest';
import { closeSources, type RuntimeCorsPolicy } from '../src/runtime.js';

/* What the origin-source test files share: their two origins, and closing every binding after each test. */

export const TENANT = 'https://shop.customer.example';
export const STATIC = 'https://app.example.com';

/**
 * Registers an `afterEach` that closes every policy kept with the returned function (so no refresh
 * timer outlives its test) and restores real timers. Call once per test file, at the top level.
 */
export function closeBindingsAfterEach(): (policy: RuntimeCorsPolicy) => RuntimeCorsPolicy {
  const bound: RuntimeCorsPolicy[] = [];
  afterEach(() => {
    for (const policy of bound.splice(0)) closeSources(policy);
    vi.useRealTimers();
  });
  return (policy) => {
    bound.push(policy);
    return policy;
  };
}

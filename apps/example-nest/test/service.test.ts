import { describeExampleService } from '@org/example-contract';
import { CorsPolicyError } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { startService } from '../src/server.js';

// Nest's own JSON body parser answers a malformed body with 400 before any module middleware runs,
// so that response carries no CORS headers (the page sees a CORS error instead of the 400).
const knownGaps = ['cors-on-malformed-json-error'] as const;

describeExampleService(
  'example-nest',
  async (environment) => {
    const { url, app } = await startService({ port: 0, environment, quiet: true });
    return { url, close: () => app.close() };
  },
  { knownGaps },
);

describe('example-nest boot', () => {
  it('refuses to boot for an environment the policy does not define', async () => {
    await expect(startService({ port: 0, environment: 'staging', quiet: true })).rejects.toBeInstanceOf(CorsPolicyError);
  });
});

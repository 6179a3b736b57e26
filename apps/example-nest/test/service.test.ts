import { describeExampleService } from '@org/example-contract';
import { CorsPolicyError } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { startService } from '../src/server.js';

describeExampleService(
  'example-nest',
  async (environment) => {
    const { url, app } = await startService({ port: 0, environment, quiet: true });
    return { url, close: () => app.close() };
  },
);

describe('example-nest boot', () => {
  it('refuses to boot for an environment the policy does not define', async () => {
    await expect(startService({ port: 0, environment: 'staging', quiet: true })).rejects.toBeInstanceOf(CorsPolicyError);
  });
});

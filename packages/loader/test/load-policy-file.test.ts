import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicyFile, PolicyLoadError } from '../src/index.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('loadPolicyFile', () => {
  it('loads a JSON policy file into a validated policy', async () => {
    const loaded = await loadPolicyFile('two.policy.json', { cwd: fixtures });
    expect(loaded.policies).toHaveLength(1);
    const [found] = loaded.policies;
    expect(found?.ok && found.policy.name).toBe('json-api');
  });

  it('reports a missing file as file-not-found, naming the path as given', async () => {
    await expect(loadPolicyFile('missing.policy.json', { cwd: fixtures })).rejects.toMatchObject({
      name: 'PolicyLoadError',
      code: 'file-not-found',
      file: 'missing.policy.json',
    });
    await expect(loadPolicyFile('missing.policy.json', { cwd: fixtures })).rejects.toBeInstanceOf(PolicyLoadError);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './support/fake-github.js';
import { createPullRequestRepo, pullRequestEvent, removeTemporaryDirs, type PullRequestRepo } from './support/git-fixture.js';
import { cliHasSite, review, type Upload } from './support/review.js';

const BASE_POLICY = `// The storefront API's CORS policy.
export default {
  name: 'shop-api',
  origins: ['https://shop.example'],
  methods: ['GET', 'POST'],
};
`;

// Adds a credentialed origin — over plain http, so check also warns about it.
const HEAD_POLICY = `// The storefront API's CORS policy.
export default {
  name: 'shop-api',
  origins: [
    'https://shop.example',
    'http://partner.example',
  ],
  credentials: true,
  methods: ['GET', 'POST'],
};
`;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
const FILE = 'policies/api.policy.ts';

let github: FakeGitHub;
let repo: PullRequestRepo;

beforeAll(async () => {
  github = await startFakeGitHub({ pageSize: 2 });
  repo = await createPullRequestRepo({ [FILE]: BASE_POLICY }, { [FILE]: HEAD_POLICY });
});
afterAll(async () => {
  await github.close();
  await removeTemporaryDirs();
});

describe('a pull request that adds a credentialed origin', () => {
  it('annotates findings at their line, comments the loosening once, and fails without the approval label', async () => {
    // Comments by people on the PR, and one quoting the marker, must not be taken for the action's own.
    github.comments.set(7, [
      { id: 1, body: 'LGTM', user: { login: 'alice', type: 'User' } },
      { id: 2, body: '<!-- cors-policy-as-code:review -->\nfake', user: { login: 'mallory', type: 'User' } },
      { id: 3, body: 'Please add a test', user: { login: 'bob', type: 'User' } },
    ]);
    const uploads: Upload[] = [];
    const run = await review(repo, pullRequestEvent(repo), { apiUrl: github.url, uploads });

    const warning = run.commands.find((c) => c.name === 'warning' && c.properties['title'] === 'cors-policy warning: origins/insecure-with-credentials');
    expect(warning?.properties).toMatchObject({ file: FILE, line: String(lineOf(HEAD_POLICY, 'http://partner.example')), col: '5' });
    expect(warning?.message).toContain('"http://partner.example" is plain http and credentials are on');

    const posts = github.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe('/repos/org/shop/issues/7/comments');
    expect(posts[0]?.authorization).toBe('Bearer test-token');
    const body = (posts[0]?.body as { body: string }).body;
    expect(body.startsWith('<!-- cors-policy-as-code:review -->')).toBe(true);
    expect(body).toContain('Origin `http://partner.example` added');
    expect(body).toContain('Credentials turned on');
    expect(body).toContain('**Gate: ❌ fails.**');
    expect(body).toContain('label "cors-loosening-approved"');
    expect(run.summary).toContain('Origin `http://partner.example` added');

    expect(run.outputs).toMatchObject({ loosening: 'true', errors: '0' });
    expect(run.step('gate').outcome).toBe('failure');
    expect(run.success).toBe(false);
    expect(run.step('gate').commands).toContainEqual(
      expect.objectContaining({ name: 'error', message: 'The change loosens a policy: a reviewer must approve it with the label "cors-loosening-approved".' }),
    );

    if (cliHasSite) {
      expect(uploads).toHaveLength(1);
      expect(uploads[0]?.with['path']).toBe(run.outputs['site-dir']);
      expect(readdirSync(run.outputs['site-dir'] ?? '').length).toBeGreaterThan(0);
    } else {
      // The CLI this was tested with has no `site` yet: the step says so, and nothing is uploaded.
      expect(uploads).toHaveLength(0);
      expect(run.outputs['site-dir']).toBe('');
      expect(run.step('site').commands).toContainEqual(expect.objectContaining({ name: 'notice', properties: { title: 'cors-policy site skipped' } }));
    }
  });

  it('updates its comment in place on the next run instead of posting another', async () => {
    const before = github.requests.length;
    const run = await review(repo, pullRequestEvent(repo), { apiUrl: github.url, inputs: { site: 'false' } });
    const requests = github.requests.slice(before);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(1);
    // The action's comment is the 4th: found on the second page of list-comments.
    expect(patches[0]?.path).toBe('/repos/org/shop/issues/comments/1000');
    expect(requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
      '/repos/org/shop/issues/7/comments?per_page=100',
      '/repos/org/shop/issues/7/comments?per_page=100&page=2',
    ]);
    expect(github.comments.get(7)?.filter((c) => c.user.type === 'Bot')).toHaveLength(1);
    expect(github.comments.get(7)?.find((c) => c.id === 2)?.body).toBe('<!-- cors-policy-as-code:review -->\nfake');
    expect(run.success).toBe(false);
  });

  it('passes when the pull request carries the approval label, and says so in the comment', async () => {
    const run = await review(repo, pullRequestEvent(repo, { labels: ['security', 'cors-loosening-approved'] }), { apiUrl: github.url, inputs: { site: 'false' } });
    expect(run.step('gate').outcome).toBe('success');
    expect(run.success).toBe(true);
    expect(run.outputs['loosening']).toBe('true');
    const bot = github.comments.get(7)?.find((c) => c.user.type === 'Bot');
    expect(bot?.body).toContain('**Gate: ✅ passes.**');
    expect(bot?.body).toContain('approved by the label "cors-loosening-approved"');
  });

  it('compares the label exactly and honours a custom approval-label', async () => {
    const near = await review(repo, pullRequestEvent(repo, { labels: ['CORS-loosening-approved', 'cors-loosening-approved '] }), { apiUrl: github.url, inputs: { site: 'false' } });
    expect(near.step('gate').outcome).toBe('failure');
    const custom = await review(repo, pullRequestEvent(repo, { labels: ['security-approved'] }), {
      apiUrl: github.url,
      inputs: { 'approval-label': 'security-approved', site: 'false' },
    });
    expect(custom.step('gate').outcome).toBe('success');
  });

  it('reports without failing when fail-on-loosening is off', async () => {
    const run = await review(repo, pullRequestEvent(repo), { apiUrl: github.url, inputs: { 'fail-on-loosening': 'false', site: 'false' } });
    expect(run.success).toBe(true);
    expect(run.outputs['loosening']).toBe('true');
  });

  it('writes the report to the job summary, and says why, on a pull request from a fork', async () => {
    const before = github.requests.length;
    const run = await review(repo, pullRequestEvent(repo, { headRepo: 'someone/shop' }), { apiUrl: github.url, inputs: { site: 'false' } });
    expect(github.requests.slice(before)).toHaveLength(0);
    expect(run.summary).toContain('comes from a fork');
    expect(run.summary).toContain('Origin `http://partner.example` added');
    expect(run.step('gate').outcome).toBe('failure');
  });
});

describe('a token that cannot write', () => {
  it('puts the report in the job summary, says why, and still gates on the policy', async () => {
    const other = await startFakeGitHub();
    other.readOnly = true;
    try {
      const run = await review(repo, pullRequestEvent(repo, { labels: ['cors-loosening-approved'] }), { apiUrl: other.url, inputs: { site: 'false' } });
      expect(other.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
      expect(run.summary).toContain('Could not post the review comment (POST /repos/org/shop/issues/7/comments answered 403');
      expect(run.summary).toContain('Origin `http://partner.example` added');
      expect(run.step('comment').outcome).toBe('success');
      expect(run.success).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('a policy that gives no answer fails the gate', () => {
  const cases = [
    {
      title: 'a policy whose loading never settles',
      source: "await new Promise(() => {});\nexport default { name: 'shop-api', origins: ['https://shop.example'] };\n",
      timeout: '60',
      message: /exited with code 4: .*did not finish.*time limit/,
    },
    {
      title: 'a policy that ends the process itself with exit code 0',
      source: "process.exit(0);\nexport default { name: 'shop-api', origins: ['https://shop.example'] };\n",
      timeout: '60',
      message: /exited with code 4: .*did not finish.*ended the process/,
    },
    {
      title: 'a policy that fails to load',
      source: "export default {\n  name: 'shop-api',\n  origins: ['https://shop.example',,\n};\n",
      timeout: '60',
      message: /exited with code 3: a policy file could not be loaded — .*policies\/api\.policy\.ts/,
    },
  ];
  for (const { title, source, timeout, message } of cases) {
    it(`fails for ${title}, never reporting "no errors"`, async () => {
      const broken = await createPullRequestRepo({ [FILE]: BASE_POLICY }, { [FILE]: source });
      const run = await review(broken, pullRequestEvent(broken), { apiUrl: github.url, inputs: { timeout, comment: 'false' } });
      expect(run.success).toBe(false);
      expect(run.step('gate').outcome).toBe('failure');
      expect(Number(run.outputs['errors'])).toBeGreaterThanOrEqual(1);
      const gateErrors = run.step('gate').commands.filter((c) => c.name === 'error').map((c) => c.message);
      expect(gateErrors.join("\n")).toMatch(message);
      expect(run.summary).toContain('**Gate: ❌ fails.**');
      expect(run.summary).not.toMatch(/✅ 0 errors/);
    });
  }
});

describe('hostile input', () => {
  it('cannot inject workflow commands through a label, a file name or policy output', async () => {
    const evilFile = 'policies/x\n::warning title=injected::from-file-name,%0A.policy.ts';
    const hostile = await createPullRequestRepo(
      { [FILE]: BASE_POLICY },
      { [FILE]: HEAD_POLICY, [evilFile]: "console.error('::warning title=injected::from-policy');\nexport default { name: 'evil', origins: ['https://shop.example'] };\n" },
    );
    const label = 'ok\n::warning title=injected::from-label';
    const run = await review(hostile, pullRequestEvent(hostile, { labels: [label, 'cors-loosening-approved '] }), {
      apiUrl: github.url,
      inputs: { 'approval-label': label + 'x', comment: 'false' },
    });
    expect(run.commands.filter((c) => c.properties['title'] === 'injected')).toEqual([]);
    // The file name arrives intact as a property, escaped, not as commands.
    expect(run.commands.some((c) => c.properties['file'] === evilFile)).toBe(true);
    expect(run.step('gate').commands.some((c) => c.name === 'error' && c.message.includes(`${label}x`))).toBe(true);
    expect(run.step('gate').outcome).toBe('failure');
  });

  it('refuses a base commit id that is not hex', async () => {
    const run = await review(repo, pullRequestEvent(repo, { baseSha: 'main --upload-pack=touch /tmp/pwned' }), { apiUrl: github.url, inputs: { comment: 'false', site: 'false' } });
    expect(run.step('gate').outcome).toBe('failure');
    expect(run.step('gate').commands.some((c) => /not a hex commit id/.test(c.message))).toBe(true);
    expect(existsSync('/tmp/pwned')).toBe(false);
  });
});

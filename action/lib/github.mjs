// The few GitHub REST calls the action makes, with Node's fetch: list, create and update PR comments.

/** Marks the action's comment so the next run updates it instead of adding another. */
export const MARKER = '<!-- cors-policy-as-code:review -->';

export class GitHubError extends Error {
  name = 'GitHubError';
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** A client for `apiUrl` (`$GITHUB_API_URL`) and `repository` (`owner/name`). */
export function gitHubClient({ apiUrl, token, repository }) {
  const base = new URL(apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`GITHUB_API_URL is not an http(s) URL: ${apiUrl}`);
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository ?? '')) throw new Error(`GITHUB_REPOSITORY is not owner/name: ${repository}`);
  const headers = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'cors-policy-as-code-action',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const request = async (method, url, body) => {
    // The token only ever goes to the API origin, even when following pagination links.
    if (url.origin !== base.origin) throw new Error(`Refusing to send the token to ${url.origin}.`);
    const response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw new GitHubError(`${method} ${url.pathname} answered ${response.status}: ${text.slice(0, 200)}`, response.status);
    }
    return response;
  };
  const repoPath = `repos/${repository}`;
  return {
    /** Every comment on the issue or pull request, following `Link: rel="next"`. */
    async listComments(number) {
      const comments = [];
      let url = new URL(`${repoPath}/issues/${number}/comments?per_page=100`, base);
      for (let page = 0; url && page < 100; page++) {
        const response = await request('GET', url);
        comments.push(...(await response.json()));
        const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '');
        url = next ? new URL(next[1]) : undefined;
      }
      return comments;
    },
    async createComment(number, body) {
      return (await request('POST', new URL(`${repoPath}/issues/${number}/comments`, base), { body })).json();
    },
    async updateComment(id, body) {
      return (await request('PATCH', new URL(`${repoPath}/issues/comments/${id}`, base), { body })).json();
    },
  };
}

/** The action's earlier comment: starts with the marker and was written by a bot (not a person quoting it). */
export function findOwnComment(comments) {
  return comments.find((c) => typeof c?.body === 'string' && c.body.startsWith(MARKER) && c?.user?.type === 'Bot' && Number.isSafeInteger(c.id));
}

/** Posts `body`, or updates the earlier comment in place. Returns what it did. */
export async function upsertComment(client, number, body) {
  const existing = findOwnComment(await client.listComments(number));
  if (existing) {
    await client.updateComment(existing.id, body);
    return { action: 'updated', id: existing.id };
  }
  const created = await client.createComment(number, body);
  return { action: 'created', id: created?.id };
}

// A local stand-in for the GitHub REST API on 127.0.0.1: the three issue-comment endpoints the
// action uses, with pagination, recording every request it receives.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface FakeGitHub {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Comments by issue number. */
  readonly comments: Map<number, StoredComment[]>;
  /** When true, writes answer 403 as they do for a token without `pull-requests: write`. */
  readOnly: boolean;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text === '' ? undefined : JSON.parse(text);
}

/** Starts the server; `pageSize` makes list-comments paginate with `Link` headers. */
export async function startFakeGitHub(options: { pageSize?: number } = {}): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const state = { readOnly: false };
  const comments = new Map<number, StoredComment[]>();
  let nextId = 1000;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      requests.push({ method: req.method ?? '', path: url.pathname + url.search, authorization: req.headers.authorization, body });
      const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      if (state.readOnly && req.method !== 'GET') return send(403, { message: 'Resource not accessible by integration' });
      let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
      if (m && req.method === 'GET') {
        const all = comments.get(Number(m[3])) ?? [];
        const size = Math.min(Number(url.searchParams.get('per_page') ?? 30), options.pageSize ?? 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = all.slice((page - 1) * size, page * size);
        const headers: Record<string, string> = {};
        if (page * size < all.length) {
          const next = new URL(url.href.replace('http://127.0.0.1', `http://127.0.0.1:${(server.address() as AddressInfo).port}`));
          next.searchParams.set('page', String(page + 1));
          headers['link'] = `<${next.href}>; rel="next"`;
        }
        return send(200, slice, headers);
      }
      if (m && req.method === 'POST') {
        const comment: StoredComment = { id: nextId++, body: (body as { body: string }).body, user: { login: 'github-actions[bot]', type: 'Bot' } };
        comments.set(Number(m[3]), [...(comments.get(Number(m[3])) ?? []), comment]);
        return send(201, comment);
      }
      m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (m && req.method === 'PATCH') {
        const comment = [...comments.values()].flat().find((c) => c.id === Number(m?.[3]));
        if (!comment) return send(404, { message: 'Not Found' });
        comment.body = (body as { body: string }).body;
        return send(200, comment);
      }
      send(404, { message: 'Not Found' });
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    comments,
    get readOnly() {
      return state.readOnly;
    },
    set readOnly(value: boolean) {
      state.readOnly = value;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

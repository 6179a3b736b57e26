import type { IncomingMessage, RequestListener } from 'node:http';

/** A Web handler, the shape of Next.js proxies and route handlers. */
export type WebHandler = (request: Request) => Response | Promise<Response>;

/**
 * A `node:http` listener that turns each request into a Web `Request` (repeated header lines kept
 * as separate values, so `Headers` combines them the way Fetch does), calls `handler`, and writes
 * the returned `Response` back unchanged. A handler that throws gets a bare 500.
 */
export function webListener(handler: WebHandler): RequestListener {
  return (req, res) => {
    void (async () => {
      const response = await handler(toRequest(req));
      const headers: string[] = [];
      response.headers.forEach((value, name) => headers.push(name, value));
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    });
  };
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
    method,
    headers,
    ...(hasBody ? { body: req as unknown as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

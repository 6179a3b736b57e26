import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Web handler, the shape of Next.js proxies and route handlers. */
export type WebHandler = (request: Request) => Response | Promise<Response>;

/**
 * Serves a Web handler over real HTTP on 127.0.0.1 (an ephemeral port): each Node request becomes
 * a `Request` (repeated header lines kept as separate values, so `Headers` combines them the way
 * Fetch does), and the returned `Response` is written back unchanged.
 */
export async function serveWeb(handler: WebHandler): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const response = await handler(toRequest(req));
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      res.writeHead(response.status, headers.flat());
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      // Next.js answers an uncaught error in a handler with a bare 500; so does this host.
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : 'error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
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

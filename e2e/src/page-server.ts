import { createServer } from 'node:http';

export interface PageServer {
  /** `http://127.0.0.1:<port>`: what the browser sends as `Origin` from pages served here. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves one blank HTML page on 127.0.0.1:`port`, so a browser tab can have that origin and call the
 * services with `fetch`. Fails with a clear message when the port is taken: the allowed origin must be
 * exactly the one the policy lists.
 */
export function startPageServer(port: number, label: string): Promise<PageServer> {
  const server = createServer((req, res) => {
    const heading = `${label}: http://${req.headers.host ?? ''}`;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html><head><title>${heading}</title></head><body><h1>${heading}</h1><main id="results"></main></body></html>`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`127.0.0.1:${port} is already in use, but the ${label} page must be served there (the policy names that exact origin). Stop whatever listens on it (\`ss -ltnp 'sport = :${port}'\`) and run again.`)
        : error);
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolve({
        origin: `http://127.0.0.1:${actual}`,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

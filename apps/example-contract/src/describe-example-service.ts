import { sendRequest } from '@org/cors-conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** One running instance of an example service. */
export interface RunningExampleService {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the service on 127.0.0.1 at a free port, with the storefront policy's `environment`
 * overlay (none when `undefined`), and resolves once it answers.
 */
export type StartExampleService = (environment?: string) => Promise<RunningExampleService>;

// Starting `next start` takes seconds; the in-process services take milliseconds.
const startTimeout = 60_000;

const corsHeaderNames = (headers: Record<string, unknown>) => Object.keys(headers).filter((name) => name.startsWith('access-control-'));

/**
 * The promises all four example services make: the same routes under the same policy
 * (`apiPolicyInput` from `@org/cors-policies`), whatever the framework. Each example's test
 * file calls this with its own `start`, then adds the tests only its framework needs.
 *
 * @example describeExampleService('example-koa', async (environment) => { … return { url, close }; });
 */
export function describeExampleService(name: string, start: StartExampleService): void {
  describe(name, () => {
    let service: RunningExampleService;
    let url: string;
    beforeAll(async () => {
      service = await start();
      url = service.url;
    }, startTimeout);
    afterAll(() => service?.close());

    it('lets the shop read items with credentials and the exposed request id', async () => {
      const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://myapp.com' } });
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
      expect(response.headers['access-control-allow-credentials']).toBe('true');
      expect(response.headers['access-control-expose-headers']).toMatch(/x-request-id/i);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.vary).toMatch(/\bOrigin\b/);
      expect(JSON.parse(response.body)).toContainEqual({ id: 1, name: 'pen' });
    });

    it('gives an unknown site no CORS headers', async () => {
      const response = await sendRequest(url, { method: 'GET', path: '/api/items', headers: { origin: 'https://evil.example' } });
      expect(response.status).toBe(200);
      expect(corsHeaderNames(response.headers)).toEqual([]);
      expect(response.headers.vary).toMatch(/\bOrigin\b/);
    });

    it('refuses an unknown site\'s preflight with 403 and no CORS headers', async () => {
      const response = await sendRequest(url, {
        method: 'OPTIONS',
        path: '/api/items/2',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
      });
      expect(response.status).toBe(403);
      expect(corsHeaderNames(response.headers)).toEqual([]);
    });

    it('lets the admin console preflight (no OPTIONS handler exists) and send a JSON update', async () => {
      const headers = { origin: 'https://admin.myapp.com' };
      const preflight = await sendRequest(url, {
        method: 'OPTIONS',
        path: '/api/items/2',
        headers: { ...headers, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toBe('PUT');
      expect(preflight.headers['access-control-max-age']).toBe('600');
      const update = await sendRequest(url, {
        method: 'PUT',
        path: '/api/items/2',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'sketchbook' }),
      });
      expect(update.status).toBe(200);
      expect(JSON.parse(update.body)).toEqual({ id: 2, name: 'sketchbook' });
      expect(update.headers['access-control-allow-origin']).toBe('https://admin.myapp.com');
    });

    const errorCases = [
      { body: '{not json', label: 'malformed JSON' },
      { body: JSON.stringify({ name: '' }), label: 'an empty name' },
    ] as const;
    for (const { body, label } of errorCases) {
      it(`keeps the CORS headers on an error response (${label}), so the page can read the error`, async () => {
        const response = await sendRequest(url, {
          method: 'PUT',
          path: '/api/items/1',
          headers: { origin: 'https://myapp.com', 'content-type': 'application/json' },
          body,
        });
        expect(response.status).toBe(400);
        expect(response.headers['access-control-allow-origin']).toBe('https://myapp.com');
        expect(response.headers.vary).toMatch(/\bOrigin\b/);
      });
    }

    it('lets any site read the public status without credentials', async () => {
      const origin = 'https://status-widget.example';
      const response = await sendRequest(url, { method: 'GET', path: '/public/status', headers: { origin } });
      expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      const preflight = await sendRequest(url, {
        method: 'OPTIONS',
        path: '/public/status',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
    });

    it('allows the local dev server only when started for development', async () => {
      const request = { method: 'GET', path: '/api/items', headers: { origin: 'http://localhost:3000' } };
      expect((await sendRequest(url, request)).headers['access-control-allow-origin']).toBeUndefined();
      const dev = await start('development');
      try {
        expect((await sendRequest(dev.url, request)).headers['access-control-allow-origin']).toBe('http://localhost:3000');
      } finally {
        await dev.close();
      }
    }, startTimeout);
  });
}

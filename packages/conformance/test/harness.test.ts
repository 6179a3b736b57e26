import { definePolicy } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import {
  checkResponse,
  type ConformanceResponse,
  type ConformanceVector,
  sendRequest,
  startServer,
  vectors,
} from '../src/index.js';

const allowedPreflight = vectors.find((v) => v.id === 'preflight/allowed')!;
const refusedActual = vectors.find((v) => v.id === 'actual/refused-origin')!;

/** A response built by hand, to prove the checks can fail. */
function response(status: number, headers: Record<string, string>): ConformanceResponse {
  return { status, headers, body: '', durationMs: 1 };
}

const goodPreflight = response(204, {
  'access-control-allow-origin': 'https://myapp.com',
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-max-age': '600',
  vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
});

describe('the vectors', () => {
  it('have unique ids and unique titles', () => {
    expect(new Set(vectors.map((v) => v.id)).size).toBe(vectors.length);
    expect(new Set(vectors.map((v) => v.title)).size).toBe(vectors.length);
  });

  it('number at least sixty', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(60);
  });

  it.each(vectors.map((v) => [v.id, v] as const))('%s: its policy loads', (_id, vector: ConformanceVector) => {
    expect(() => definePolicy(vector.policy, { environment: vector.environment })).not.toThrow();
  });
});

describe('checkResponse', () => {
  it('accepts a response that meets every expectation', () => {
    expect(checkResponse(allowedPreflight, goodPreflight)).toEqual([]);
  });

  it('reports a wrong status', () => {
    expect(checkResponse(allowedPreflight, { ...goodPreflight, status: 200 })).toContain('status: expected 204, got 200');
  });

  it('reports a reflected wildcard origin as a browser refusal in credentialed mode', () => {
    const wildcard = { ...goodPreflight, headers: { ...goodPreflight.headers, 'access-control-allow-origin': '*' } };
    expect(checkResponse(allowedPreflight, wildcard).join('\n')).toMatch(/browser \(credentialed\): expected to proceed/);
  });

  it('reports a missing Vary token, case-insensitively', () => {
    const noVary = { ...goodPreflight, headers: { ...goodPreflight.headers, vary: 'origin, access-control-request-method' } };
    expect(checkResponse(allowedPreflight, noVary)).toEqual([
      'vary: expected token Access-Control-Request-Headers in "origin, access-control-request-method"',
    ]);
  });

  it('reports a header that must be absent', () => {
    const leaked = response(200, {
      'access-control-allow-origin': 'https://evil.com',
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
      'x-app-ran': '1',
    });
    expect(checkResponse(refusedActual, leaked)).toEqual([
      'access-control-allow-origin: expected absent, got "https://evil.com"',
      'access-control-allow-credentials: expected absent, got "true"',
      'browser (credentialed): expected to refuse, but it would proceed',
    ]);
  });

  it('reports an app that did not run', () => {
    expect(checkResponse(refusedActual, response(200, { vary: 'Origin' }))).toEqual(['app: expected to run, it did not']);
  });

  it('compares Access-Control-Allow-Methods items byte for byte', () => {
    const lower = { ...goodPreflight, headers: { ...goodPreflight.headers, 'access-control-allow-methods': 'put' } };
    expect(checkResponse(allowedPreflight, lower)).toContain('access-control-allow-methods: expected item PUT in "put"');
  });

  it('reports a slow response when the vector bounds its duration', () => {
    const slowVector = vectors.find((v) => v.expect.maxDurationMs !== undefined)!;
    const failures = checkResponse(slowVector, { ...response(403, {}), durationMs: 5000 });
    expect(failures.some((line) => line.startsWith('duration:'))).toBe(true);
  });
});

describe('the harness against a broken host', () => {
  it('fails the refusal vectors for a host that reflects every origin with credentials', async () => {
    const running = await startServer(
      (req, res) => {
        res.setHeader('Access-Control-Allow-Origin', String(req.headers.origin));
        res.setHeader('Access-Control-Allow-Credentials', 'true');
        res.setHeader('x-app-ran', '1');
        res.end('ok');
      },
      { maxHeaderSize: 16384 },
    );
    try {
      const refusals = vectors.filter(
        (v) => v.id.startsWith('origin/') && v.id !== 'origin/oversized' && v.expect.absent?.includes('access-control-allow-origin'),
      );
      expect(refusals.length).toBeGreaterThan(15);
      for (const vector of refusals) {
        const failures = checkResponse(vector, await sendRequest(running.url, vector.request));
        expect(failures, vector.id).toContainEqual(expect.stringMatching(/^access-control-allow-origin: expected absent/));
      }
    } finally {
      await running.close();
    }
  });

  it('sends repeated Origin lines as separate lines', async () => {
    let seen: string[] = [];
    const running = await startServer(
      (req, res) => {
        seen = req.rawHeaders.filter((_, i, raw) => i % 2 === 0 && raw[i]?.toLowerCase() === 'origin');
        res.end();
      },
      { maxHeaderSize: 16384 },
    );
    try {
      await sendRequest(running.url, { method: 'GET', path: '/', headers: { origin: ['https://a.example', 'https://b.example'] } });
      expect(seen).toHaveLength(2);
    } finally {
      await running.close();
    }
  });
});

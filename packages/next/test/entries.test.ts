import { describe, expect, it } from 'vitest';
import { corsRoute, withCors } from '../src/index.js';
import { corsRoute as observedCorsRoute } from '../src/observed.js';
import { items } from './policies.js';

const list = () => new Response('[]');

describe('@org/cors-next: observing options belong to @org/cors-next/observed', () => {
  it('withCors and corsRoute of the plain entry throw a TypeError when the module is evaluated, not on a request', () => {
    expect(() => withCors(items, undefined, { onDecision: () => undefined } as never)).toThrow(/@org\/cors-next\/observed/);
    expect(() => corsRoute(items, { GET: list }, { developerMode: true } as never)).toThrow(TypeError);
  });

  it('corsRoute of the observed entry reports one decision event per CORS request, whichever method handles it', async () => {
    const events: { method: string; kind: string }[] = [];
    const { GET, OPTIONS } = observedCorsRoute(items, { GET: list }, { onDecision: (event) => events.push(event) });
    const origin = 'https://app.example.com';
    await GET(new Request('https://api.example.com/api/items', { headers: { origin } }), {});
    await OPTIONS(new Request('https://api.example.com/api/items', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT' } }), {});
    expect(events.map((event) => [event.method, event.kind])).toEqual([['GET', 'actual-allowed'], ['PUT', 'preflight-allowed']]);
  });
});

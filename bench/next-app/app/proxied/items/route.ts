// The proxy rows' route: no CORS of its own (the proxy in front of it does that, or nothing).
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ items: [] });
}

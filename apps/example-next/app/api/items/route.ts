import { items } from '../../../lib/items';

// No CORS code: proxy.ts handles it for /api/**.
export function GET(): Response {
  return Response.json([...items.values()]);
}

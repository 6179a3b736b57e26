import { items } from '../../../../lib/items';

// No OPTIONS export: proxy.ts answers the preflight a JSON PUT needs.
export async function PUT(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = Number((await context.params).id);
  const body: unknown = await request.json().catch(() => undefined);
  const name = typeof body === 'object' && body !== null ? (body as { name?: unknown }).name : undefined;
  if (!items.has(id)) return Response.json({ error: 'no such item' }, { status: 404 });
  if (typeof name !== 'string' || name === '') return Response.json({ error: 'body must be {"name": string}' }, { status: 400 });
  const item = { id, name };
  items.set(id, item);
  return Response.json(item);
}

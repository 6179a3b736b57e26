import type { Context } from 'koa';

const LIMIT = 100 * 1024;

/** Reads a JSON request body (at most 100 KiB); throws a 400/413/415 http error otherwise. */
export async function readJson(ctx: Context): Promise<unknown> {
  if (!ctx.is('application/json')) return ctx.throw(415, 'send application/json');
  let text = '';
  for await (const chunk of ctx.req) {
    text += String(chunk);
    if (text.length > LIMIT) return ctx.throw(413, 'body too large');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return ctx.throw(400, 'body is not valid JSON');
  }
}

import type { CorsPolicySource, HandleCorsOptions } from '@org/cors-fetch';

/**
 * `withCors` of `@org/cors-fetch` or of `@org/cors-fetch/observed`: what the two entries of this
 * package build on (`O`: that entry's options).
 */
export type WrapHandler<O extends HandleCorsOptions> = <Req extends Request, Rest extends unknown[]>(
  policy: CorsPolicySource,
  handler: (request: Req, ...rest: Rest) => Response | Promise<Response>,
  options: O,
) => (request: Req, ...rest: Rest) => Promise<Response>;

/** Names of the `Access-Control-*` headers a response carries. */
export const corsHeaderNames = (response: Response): string[] =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

/** The tokens of a response's `Vary` header, in order. */
export const varyTokens = (response: Response): string[] =>
  (response.headers.get('vary') ?? '').split(',').map((token) => token.trim()).filter(Boolean);

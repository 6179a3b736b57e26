/** Every response header a CORS layer may write (besides `Vary`). */
export const ALL_CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-expose-headers',
  'access-control-allow-private-network',
] as const;

/** Headers that only mean something on a preflight response. */
export const PREFLIGHT_ONLY_HEADERS = [
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-allow-private-network',
] as const;

/** The `Vary` tokens of a preflight response (on by default). */
export const PREFLIGHT_VARY = ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'] as const;

/**
 * Table and column names reach SQL text (a name cannot be a bound parameter), so they are held to a
 * pattern that needs no escaping at all: lower-case letters, digits and `_`, starting with a letter or
 * `_`, at most 63 characters. Anything else is refused when the provider is built, never quoted away.
 */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Origins live in `cors_origins(origin)` unless the application names its own table and column. */
export const DEFAULT_TABLE = 'cors_origins';
export const DEFAULT_COLUMN = 'origin';

/** `name` checked against the identifier pattern and double-quoted; throws a `TypeError` naming `what`. */
export function quoteIdentifier(name: unknown, what: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new TypeError(
      `@org/cors-source-sqlite: ${what} ${JSON.stringify(name)} is not a plain SQL identifier ` +
        '(lower-case letters, digits and _, starting with a letter or _, at most 63 characters)',
    );
  }
  return `"${name}"`;
}

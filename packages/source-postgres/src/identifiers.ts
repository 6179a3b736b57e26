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
      `@org/cors-source-postgres: ${what} ${JSON.stringify(name)} is not a plain SQL identifier ` +
        '(lower-case letters, digits and _, starting with a letter or _, at most 63 characters)',
    );
  }
  return `"${name}"`;
}

/** Notifications go to `cors_origins_changed` unless the application names its own channel. */
export const DEFAULT_CHANNEL = 'cors_origins_changed';

/** PostgreSQL cuts longer names to 63 bytes (NAMEDATALEN - 1): refuse instead of meaning another name. */
export function derivedIdentifier(name: string, what: string): string {
  if (name.length > 63) {
    throw new TypeError(`@org/cors-source-postgres: the ${what} name "${name}" would be longer than 63 characters; choose a shorter table or column name`);
  }
  return `"${name}"`;
}

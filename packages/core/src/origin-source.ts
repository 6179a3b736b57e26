/*
 * Origin sources: the part of an allow-list that lives outside the policy file (customer custom
 * domains in a database). The policy declares a source by name with its own settings; the application
 * binds a provider for that name. Core does no I/O: a provider does, and the runtime decides what its
 * answers are worth (validated, cached, refreshed, timed out, failing closed).
 */

/**
 * Hands over every origin of a source at once. The runtime keeps them in a set, lists again on the
 * schedule the policy names, and at once when `subscribe` reports a change.
 */
export interface OriginListProvider {
  /**
   * Every origin of the source now, as browsers send them (`https://shop.customer.com`). Entries that
   * are not a canonical origin are dropped and reported, never widened. Abandoned (the signal aborts)
   * after the policy's timeout.
   */
  list(signal: AbortSignal): Promise<Iterable<string>> | Iterable<string>;
  /**
   * Optional push (PostgreSQL LISTEN/NOTIFY, Redis pub/sub): call `changed()` whenever the origins may
   * have changed; the runtime lists them again. Returns a function that stops the subscription.
   */
  subscribe?(changed: () => void): (() => void) | Promise<() => void>;
}

/**
 * Answers one origin at a time. The runtime caches positive and negative answers for the policy's
 * refresh period, in a bounded cache, and never waits longer than the policy's timeout.
 */
export interface OriginLookupProvider {
  /** Whether `origin` (as the browser sent it) belongs to the source. */
  has(origin: string, signal: AbortSignal): Promise<boolean> | boolean;
}

export type OriginSourceProvider = OriginListProvider | OriginLookupProvider;

/** Providers by the source names a policy declares (`{ 'tenant-domains': sqliteOriginSource(db) }`). */
export type OriginSourceProviders = Readonly<Record<string, OriginSourceProvider>>;

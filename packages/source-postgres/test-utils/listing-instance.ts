import { performance } from 'node:perf_hooks';
import type { OriginListProvider } from '@org/cors-core/runtime';

/**
 * What one service instance does with a list provider that pushes, reduced to its core: list at
 * start, list again whenever `changed()` fires (one listing at a time, a change during a listing
 * triggers another), and keep the latest set. Records when each notification arrived.
 */
export interface ListingInstance {
  /** The origins of the latest listing. */
  readonly origins: ReadonlySet<string>;
  /** `performance.now()` of every `changed()` call. */
  readonly notifiedAt: readonly number[];
  close(): void;
}

export async function startListingInstance(provider: Required<OriginListProvider>, timeoutMs = 1_000): Promise<ListingInstance> {
  let origins: ReadonlySet<string> = new Set();
  const notifiedAt: number[] = [];
  let listing: Promise<void> | undefined;
  let again = false;

  const relist = async (): Promise<void> => {
    if (listing) {
      again = true;
      return listing;
    }
    listing = (async () => {
      do {
        again = false;
        origins = new Set(await provider.list(AbortSignal.timeout(timeoutMs)));
      } while (again);
    })().finally(() => (listing = undefined));
    return listing;
  };

  const stop = await provider.subscribe(() => {
    notifiedAt.push(performance.now());
    void relist().catch(() => undefined);
  });
  await relist();
  return {
    get origins() {
      return origins;
    },
    notifiedAt,
    close: stop,
  };
}

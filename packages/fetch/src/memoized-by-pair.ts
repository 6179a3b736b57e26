/**
 * `build(a, b)` remembered per pair of objects, both held weakly, so the per-request helpers
 * (`handleCors`, `withCors` called per request) build a policy's decider or preparer once. A `build`
 * that throws remembers nothing.
 */
export function memoizedByPair<A extends object, B extends object, V>(build: (a: A, b: B) => V): (a: A, b: B) => V {
  // Values are boxed: `undefined` (no preparer) is a result worth remembering too.
  const cache = new WeakMap<A, WeakMap<B, { readonly value: V }>>();
  return (a, b) => {
    let byB = cache.get(a);
    const known = byB?.get(b);
    if (known !== undefined) return known.value;
    const value = build(a, b);
    if (byB === undefined) cache.set(a, (byB = new WeakMap()));
    byB.set(b, { value });
    return value;
  };
}

/**
 * `compute`, keeping its last `size` results by `keyOf` their arguments, oldest dropped first: the change feed's
 * shared work — a range of changes read once for every follower of a process, a reader's view of it, an event
 * encoded once — kept while followers that are level with the feed ask for the same thing after each round.
 */
export function memo<A extends unknown[], V>(
  size: number,
  keyOf: (...args: A) => string,
  compute: (...args: A) => V,
): (...args: A) => V {
  const kept = new Map<string, V>();
  return (...args) => {
    const key = keyOf(...args);
    if (kept.has(key)) return kept.get(key)!;
    const value = compute(...args);
    kept.set(key, value);
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    // A promise that fails is not kept: the next caller tries again.
    if (value instanceof Promise) value.catch(() => kept.get(key) === value && kept.delete(key));
    return value;
  };
}

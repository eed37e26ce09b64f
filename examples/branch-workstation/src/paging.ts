/** Every item of a paged list (a client's `list`, a store's `records`), page after page, up to `max`. */
export async function everyPage<T>(
  list: (q: { limit: number; after?: string }) => Promise<{ items: T[]; next?: string }>,
  options: { limit?: number; max?: number } = {},
): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  do {
    const page = await list({ limit: options.limit ?? 1000, ...(after ? { after } : {}) });
    out.push(...page.items);
    after = page.next;
  } while (after !== undefined && out.length < (options.max ?? Infinity));
  return out;
}

/** Records grouped by their customer: a demo book's holdings, transactions or cases, as each customer's own. */
export function byCustomer<T extends { customerId: string }>(xs: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const list = m.get(x.customerId);
    if (list) list.push(x);
    else m.set(x.customerId, [x]);
  }
  return m;
}

/**
 * The customers a source system's load wrote, found by their source identity, each with its id's source prefix taken
 * off (`CU-<SOURCE>-<key>` → key): two loads of one file under different sources compare equal when they wrote the
 * same records.
 */
export async function loadedCustomers(
  db: { query<T>(text: string, values?: unknown[]): Promise<{ rows: T[] }> },
  system: string,
) {
  const { rows } = await db.query<{ body: { id: string } }>(
    `SELECT r.body FROM records r JOIN source_identities s ON s.record_id = r.id AND s.system = $1
     WHERE r.collection = 'customers' ORDER BY r.id`,
    [system],
  );
  return rows.map(({ body: { id, ...rest } }) => ({ key: id.replace(/^CU-[A-Z]+-/, ""), ...rest }));
}

/** What a test's customer mapping gives as constants when its file has no column for them (a record needs them). */
export const CUSTOMER_CONSTANTS = `  status: { value: active }
  onboardedAt: { value: "2020-01-01" }
  branchId: { value: BR-0101 }
  kycStatus: { value: verified }
  loyaltyPoints: { value: 0 }
  tags: { value: [] }
  consents: { value: [] }
`;

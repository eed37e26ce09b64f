/**
 * How records are stored. The plain codec adds the natural key for its index.
 * The sealing codec encrypts at rest, with WebCrypto AES-GCM (256-bit,
 * non-extractable key, a fresh 96-bit IV per record): every C2 field — and any
 * field the schema does not classify — goes into one sealed blob; C1 fields and
 * the few fields indexes need stay readable. The natural key is indexed as an
 * HMAC-SHA-256 (a blind index), so lookups work without storing it readable.
 */
import {
  CampaignFields,
  CampaignResponseFields,
  OpportunityFields,
  RelationshipGroupFields,
  TaskFields,
  CorporateCustomerFields,
  CustomerChangeFields,
  HoldingFields,
  IndividualCustomerFields,
  InteractionFields,
  LeadFields,
  sensitivity,
  ServiceCaseFields,
  TransactionFields,
  type Customer,
  type FieldSensitivity,
} from "@bankcrm/core";
import { naturalKeyOf, type CollectionName, type CollectionRecords } from "../store.js";

export interface Codec {
  readonly encrypted: boolean;
  encode<C extends CollectionName>(collection: C, record: CollectionRecords[C]): Promise<Record<string, unknown>>;
  decode<C extends CollectionName>(collection: C, stored: unknown): Promise<CollectionRecords[C]>;
  /** The value the natural-key index holds for a lookup key. */
  naturalKey(key: string): Promise<string>;
}

export interface SealingKeys {
  /** AES-GCM key for the sealed fields. */
  aes: CryptoKey;
  /** HMAC-SHA-256 key for the natural-key blind index. */
  hmac: CryptoKey;
}

/** Fields that stay readable because an index or the timeline order needs them. */
const KEEP_CLEAR: Record<CollectionName, readonly string[]> = {
  customers: ["id", "kind", "tier", "branchId", "relationshipManagerId", "status"],
  holdings: ["id", "customerId"],
  transactions: ["id", "customerId", "at"],
  interactions: ["id", "customerId", "at"],
  serviceCases: ["id", "customerId", "openedAt"],
  campaignResponses: ["id", "customerId", "at"],
  leads: ["id", "customerId", "createdAt"],
  opportunities: ["id", "customerId"],
  campaigns: ["id"],
  tasks: ["id", "customerId"],
  relationshipGroups: ["id"],
  customerChanges: ["id", "customerId", "at"],
};

function classesOf(collection: CollectionName, record: Record<string, unknown>): Record<string, FieldSensitivity> {
  const schema =
    collection === "customers"
      ? record.kind === "corporate"
        ? CorporateCustomerFields
        : IndividualCustomerFields
      : {
          holdings: HoldingFields,
          transactions: TransactionFields,
          interactions: InteractionFields,
          serviceCases: ServiceCaseFields,
          campaignResponses: CampaignResponseFields,
          leads: LeadFields,
          opportunities: OpportunityFields,
          campaigns: CampaignFields,
          tasks: TaskFields,
          relationshipGroups: RelationshipGroupFields,
          customerChanges: CustomerChangeFields,
        }[collection];
  return sensitivity.get(schema)?.fields ?? {};
}

export const plainCodec: Codec = {
  encrypted: false,
  encode(collection, record) {
    return Promise.resolve(
      collection === "customers"
        ? { ...record, naturalKey: naturalKeyOf(record as Customer) }
        : (record as unknown as Record<string, unknown>),
    );
  },
  decode(collection, stored) {
    if (collection !== "customers") return Promise.resolve(stored as never);
    const { naturalKey: _key, ...customer } = stored as Record<string, unknown>;
    return Promise.resolve(customer as never);
  },
  naturalKey: (key) => Promise.resolve(key.trim().toUpperCase()),
};

/** New keys that cannot be exported: they never leave the browser's key store. */
export async function generateSealingKeys(): Promise<SealingKeys> {
  const aes = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  const hmac = await crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return { aes, hmac };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

export function sealingCodec(keys: SealingKeys): Codec {
  const blind = async (key: string) =>
    hex(await crypto.subtle.sign("HMAC", keys.hmac, encoder.encode(key.trim().toUpperCase())));
  return {
    encrypted: true,
    async encode(collection, record) {
      const fields = classesOf(collection, record);
      const clear: Record<string, unknown> = {};
      const secret: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(record)) {
        if (KEEP_CLEAR[collection].includes(key) || fields[key]?.class === "C1") clear[key] = value;
        else secret[key] = value;
      }
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv },
        keys.aes,
        encoder.encode(JSON.stringify(secret)),
      );
      return {
        ...clear,
        ...(collection === "customers" ? { naturalKey: await blind(naturalKeyOf(record as Customer)) } : {}),
        sealed: { iv, data },
      };
    },
    async decode(collection, stored) {
      const {
        sealed,
        naturalKey: _key,
        ...clear
      } = stored as Record<string, unknown> & { sealed?: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer } };
      if (!sealed) return clear as never; // written before encryption was turned on
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, keys.aes, sealed.data);
      return { ...clear, ...(JSON.parse(decoder.decode(plain)) as object) } as never;
    },
    naturalKey: blind,
  };
}

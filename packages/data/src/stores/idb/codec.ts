/**
 * How records are stored. The plain codec adds the natural key for its index.
 * The sealing codec encrypts at rest, with WebCrypto AES-GCM (256-bit,
 * non-extractable key, a fresh 96-bit IV per record): every field goes into one
 * sealed blob except the few that indexes and the timeline order need (ids,
 * tier, branch, status, times — nothing that identifies a person). The natural key is indexed as an
 * HMAC-SHA-256 (a blind index), so lookups work without storing it readable.
 */
import { collections, COLLECTION_NAMES, type Customer } from "@bankcrm/core";
import { clearFields } from "@bankcrm/core/collections";
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

/** Fields that stay readable because an index or the timeline order needs them: the table's storage column. */
const KEEP_CLEAR = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, clearFields(collections[c].storage)])) as Record<
  CollectionName,
  readonly string[]
>;

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

/** A non-extractable AES-GCM key: it never leaves the browser's key store, and the profile's files cannot give it up. */
export function generateAesKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

/** New keys that cannot be exported: they never leave the browser's key store. */
export async function generateSealingKeys(): Promise<SealingKeys> {
  const aes = await generateAesKey();
  const hmac = await crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return { aes, hmac };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A value encrypted at rest: AES-GCM with a fresh 96-bit IV. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** Encrypts any JSON value with `key` (AES-GCM, a fresh IV each time). */
export async function sealJson(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, encoder.encode(JSON.stringify(value)));
  return { iv, data };
}

/** Decrypts what `sealJson` sealed (a tampered or foreign blob throws). */
export async function openJson<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.data);
  return JSON.parse(decoder.decode(plain)) as T;
}

/** Whether a stored value is a sealed blob. */
export function isSealed(value: unknown): value is Sealed {
  const v = value as Partial<Sealed> | null;
  return typeof v === "object" && v !== null && v.iv instanceof Uint8Array && v.data instanceof ArrayBuffer;
}
const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

export function sealingCodec(keys: SealingKeys): Codec {
  const blind = async (key: string) =>
    hex(await crypto.subtle.sign("HMAC", keys.hmac, encoder.encode(key.trim().toUpperCase())));
  return {
    encrypted: true,
    async encode(collection, record) {
      // Only what an index or the timeline order needs stays readable; everything else is sealed — C2 fields,
      // but also C1 ones (a corporate customer's name, a contact record holding a mobile, free-text notes).
      const clear: Record<string, unknown> = {};
      const secret: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(record)) {
        // The version too: a conditional write compares the stored one inside its transaction, without decrypting.
        if (KEEP_CLEAR[collection].includes(key) || key === "version") clear[key] = value;
        else secret[key] = value;
      }
      return {
        ...clear,
        ...(collection === "customers" ? { naturalKey: await blind(naturalKeyOf(record as Customer)) } : {}),
        sealed: await sealJson(keys.aes, secret),
      };
    },
    async decode(collection, stored) {
      const { sealed, naturalKey: _key, ...clear } = stored as Record<string, unknown> & { sealed?: Sealed };
      if (!sealed) return clear as never; // written before encryption was turned on
      return { ...clear, ...(await openJson<object>(keys.aes, sealed)) } as never;
    },
    naturalKey: blind,
  };
}

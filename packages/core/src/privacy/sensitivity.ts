/**
 * Sensitivity classes of personal financial information, JR/T 0171-2020:
 * - C3: authentication data (passwords, PINs, card verification codes, card
 *   expiry, magnetic track data). Never accepted by bankcrm's schemas.
 * - C2: data that identifies a person or their finances: identity document
 *   numbers, account and card numbers, mobile, email, address, balances,
 *   transactions. Masked by default; revealing it is audited.
 * - C1: the rest (internal and non-identifying data).
 *
 * Every field of every record schema carries a class. `defineRecord` makes that a
 * compile-time requirement (the class map must name every key of the shape) and
 * records it in the `sensitivity` registry for run-time use (masking, tests).
 */
import * as z from "zod";
import { object } from "../zod.js";
import type { MaskKind } from "./mask.js";

export type FieldClass = "C1" | "C2";

export interface FieldSensitivity {
  class: FieldClass;
  /** How to mask the value for display; fields without one are hidden whole. */
  mask?: MaskKind;
}

export type FieldClassMap<Shape extends z.ZodRawShape> = { [K in keyof Shape]: FieldSensitivity };

export interface RecordSensitivity {
  /** The record's name, for messages and docs. */
  record: string;
  fields: Record<string, FieldSensitivity>;
}

/** Field classes of every record object schema, keyed by schema. */
export const sensitivity = z.registry<RecordSensitivity>();

export const C1: FieldSensitivity = Object.freeze({ class: "C1" });
export const C2: FieldSensitivity = Object.freeze({ class: "C2" });
/** A C2 field shown masked with the given kind. */
export function c2(mask: MaskKind): FieldSensitivity {
  return { class: "C2", mask };
}

/**
 * An object schema whose every field carries a sensitivity class, with optional
 * cross-field checks. (Checks are applied here, before registering, because zod
 * clones a schema on `.check()` and the registry is keyed by instance.)
 */
export function defineRecord<Shape extends z.ZodRawShape>(
  record: string,
  shape: Shape,
  fields: FieldClassMap<Shape>,
  ...checks: z.core.CheckFn<z.output<z.ZodObject<Shape>>>[]
): z.ZodObject<Shape> {
  const base = object(shape);
  const schema = checks.length > 0 ? base.check(...checks) : base;
  sensitivity.add(schema, { record, fields });
  return schema;
}

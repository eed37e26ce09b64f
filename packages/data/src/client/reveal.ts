/**
 * Revealing one masked field for a stated reason: the policy must allow the
 * user's role, and the audit event is recorded before the value is returned —
 * a failed audit reveals nothing. Against a server, the server checks the role
 * and the scope again and writes its own audit row before it answers.
 */
import {
  authorizeReveal,
  BankcrmAccessDeniedError,
  REVEALABLE_FIELDS,
  revealedValue,
  type Customer,
  type RevealableField,
} from "@bankcrm/core";
import type { ClientContext } from "./context.js";

export function revealer(ctx: ClientContext) {
  const { store, user, options } = ctx;
  return async function reveal(
    customerId: string,
    field: RevealableField,
    reason: string,
  ): Promise<string | undefined> {
    ctx.guard();
    if (!(REVEALABLE_FIELDS as readonly string[]).includes(field))
      throw new BankcrmAccessDeniedError(user.role, `reveal "${String(field)}"`);
    const event = authorizeReveal(
      { actor: user, customerId, field, fieldClass: "C2", reason, now: ctx.now() },
      ctx.policy,
    );
    if (store.remote) {
      const value = await store.remote.reveal(customerId, field, reason);
      await options.onAudit(event);
      return value;
    }
    await options.onAudit(event);
    const customer = ctx.checked<Customer>("customers", await store.getCustomer(customerId));
    return customer && revealedValue(customer, field);
  };
}

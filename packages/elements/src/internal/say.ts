/** One call for both message tables the sales elements use: core's shared messages and its sales messages. */
import { message, type Locale, type MessageKey, type SalesMessageKey } from "@bankcrm/core";
import { salesMessage, salesMessageKeys } from "@bankcrm/core/i18n";

const SALES = new Set<string>(salesMessageKeys);

export function say(
  key: MessageKey | SalesMessageKey,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return SALES.has(key)
    ? salesMessage(key as SalesMessageKey, locale, params)
    : message(key as MessageKey, locale, params);
}

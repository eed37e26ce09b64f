/** One call for the message tables the service elements use: core's shared, sales and service messages. */
import { type Locale, type MessageKey, type SalesMessageKey, type ServiceMessageKey } from "@bankcrm/core";
import { serviceMessage, serviceMessageKeys } from "@bankcrm/core/i18n";
import { say } from "./say.js";

const SERVICE = new Set<string>(serviceMessageKeys);

export function sayService(
  key: MessageKey | SalesMessageKey | ServiceMessageKey,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return SERVICE.has(key)
    ? serviceMessage(key as ServiceMessageKey, locale, params)
    : say(key as MessageKey | SalesMessageKey, locale, params);
}

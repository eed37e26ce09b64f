/** How the analyses' reasons say their figures: money in whole units of its currency, shares as whole percents. */
import type { Locale } from "../i18n/locale.js";

/** An amount in minor units, in whole units of its currency (¥8,000). */
export const wholeMoney = (minor: number | undefined, currency: string, locale: Locale): string =>
  new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format((minor ?? 0) / 100);

/** A share, 0–1, as a whole percent (92%). */
export const wholePercent = (x: number | undefined, locale: Locale): string =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(x ?? 0);

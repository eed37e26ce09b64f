export { MoneySchema, CurrencyCodeSchema, type Money } from "./money-schema.js";
export {
  currencyExponent,
  fromMinorUnits,
  toMinorUnits,
  formatMoney,
  sumMoney,
  type FormatMoneyOptions,
} from "./money.js";

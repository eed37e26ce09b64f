export {
  MoneySchema,
  CurrencyCodeSchema,
  currencyExponent,
  fromMinorUnits,
  toMinorUnits,
  formatMoney,
  sumMoney,
  type Money,
  type FormatMoneyOptions,
} from "./money.js";

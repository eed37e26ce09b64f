export { provinces, provinceOf, type Province } from "./regions.js";
export {
  parseResidentIdNumber,
  isValidResidentIdNumber,
  formatResidentIdNumber,
  residentIdCheckCharacter,
  upgradeResidentIdNumber,
  isRealDate,
  ResidentIdNumberSchema,
  type ResidentIdNumber,
  type ResidentIdOptions,
} from "./resident-id.js";
export { isValidUscc, formatUscc, usccCheckCharacter, UsccSchema, USCC_ALPHABET } from "./uscc.js";
export { isValidBankCardNumber, normalizeBankCardNumber, luhnCheckDigit, BankCardNumberSchema } from "./bank-card.js";
export { isValidMobile, normalizeMobile, MobileSchema } from "./mobile.js";

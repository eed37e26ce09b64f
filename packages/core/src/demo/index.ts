export {
  generateDemoPortfolio,
  generateDemoCustomers,
  DEMO_AS_OF,
  type DemoPortfolio,
  type DemoPortfolioOptions,
  type DemoCustomersOptions,
} from "./portfolio.js";
export { generateCustomerHistory, type CustomerHistory, type HistoryOptions } from "./history.js";
export { generateCustomer, customerId, householdName } from "./customers.js";
export { generateStaff, type DemoStaffDirectory } from "./staff.js";
export { createRandom, type Random } from "./random.js";
export { BRANCHES, PRODUCTS, type DemoProduct, type Branch } from "./reference-data.js";
export { DEMO_CAMPAIGN_WORLD, demoCampaignOutcomes, type DemoCampaignWorld } from "./campaign-world.js";
export { DEMO_COMMISSION_SCHEME, DEMO_SALE_POLICY } from "./commission.js";
export { knowledgeFor } from "./knowledge.js";
export { demoLedgerFor, demoPricesFor } from "./loyalty.js";
export { campaignsFor, segmentsFor } from "./marketing.js";

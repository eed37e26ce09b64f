/**
 * @bankcrm/elements — the element classes, free of side effects. Import
 * `@bankcrm/elements/<name>.js` to register a tag, or define the classes under
 * tag names (or scoped registries) of your own.
 */
export { BankcrmTierBadge } from "./components/tier-badge/tier-badge.component.js";
export { BankcrmValueBadge } from "./components/value-badge/value-badge.component.js";
export { BankcrmProvider } from "./components/provider/provider.component.js";
export { BankcrmCustomerCard, type CustomerFigures } from "./components/customer-card/customer-card.component.js";
export { BankcrmCustomerTimeline } from "./components/customer-timeline/customer-timeline.component.js";
export { BankcrmLeadForm, type LeadFormField } from "./components/lead-form/lead-form.component.js";
export { BankcrmContextElement } from "./components/base/context-element.js";
export { BankcrmTimelineLoadMoreEvent, type TimelineLoadMoreDetail } from "./events/timeline-events.js";
export {
  BankcrmLeadSubmitEvent,
  BankcrmLeadSavedEvent,
  BankcrmLeadErrorEvent,
  type LeadSubmitDetail,
  type LeadSavedDetail,
  type LeadErrorDetail,
} from "./events/lead-events.js";
export {
  BankcrmRevealEvent,
  BankcrmRevealedEvent,
  BankcrmRevealErrorEvent,
  type RevealDetail,
} from "./events/reveal-events.js";
export {
  clientContext,
  localeContext,
  userContext,
  type ElementClient,
  type RevealableField,
  type TimelineItem,
  type TimelineKind,
  type TimelinePage,
  type LeadWriteStatus,
} from "./context/contexts.js";
export { hostTokens, visuallyHidden } from "./styles/tokens.js";
export { themeTokens } from "./styles/themes.js";

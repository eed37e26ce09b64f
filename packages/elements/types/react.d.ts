/**
 * JSX typings for React 19 hosts: `import "@bankcrm/elements/react";` once (e.g. in a
 * global.d.ts) and the bankcrm tags type-check in TSX, with their properties and event
 * props. React 19 sets unknown props on custom elements as properties, and a prop
 * `on<event-name>` adds a listener for exactly that event name — so the event props are
 * spelled like the events: `onbankcrm-lead-saved={(e) => …}`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  BankcrmCampaignReport,
  BankcrmSegmentBuilder,
  BankcrmSegmentChangeEvent,
  BankcrmKpiTile,
  BankcrmChart,
  BankcrmValueBreakdown,
  BankcrmMatchReview,
  BankcrmMatchDecisionEvent,
  BankcrmRelationshipGroup,
  BankcrmCaseChangeEvent,
  BankcrmCaseForm,
  BankcrmCaseQueue,
  BankcrmCustomerChangeEvent,
  BankcrmCustomerForm,
  BankcrmSatisfactionSurvey,
  BankcrmActivityForm,
  BankcrmActivitySavedEvent,
  BankcrmLeadChangeEvent,
  BankcrmLeadQueue,
  BankcrmOfferList,
  BankcrmOfferResponseEvent,
  BankcrmKnowledgeSearch,
  BankcrmKnowledgeOpenEvent,
  BankcrmOpportunityMoveErrorEvent,
  BankcrmOpportunityMoveEvent,
  BankcrmOpportunityMovedEvent,
  BankcrmPipeline,
  BankcrmTargetProgress,
  BankcrmTaskChangeEvent,
  BankcrmTaskList,
  BankcrmCustomerCard,
  BankcrmCustomerTimeline,
  BankcrmLeadErrorEvent,
  BankcrmLeadForm,
  BankcrmLeadSavedEvent,
  BankcrmLeadSubmitEvent,
  BankcrmProvider,
  BankcrmRevealErrorEvent,
  BankcrmRevealEvent,
  BankcrmRevealedEvent,
  BankcrmTierBadge,
  BankcrmTimelineLoadMoreEvent,
  BankcrmValueBadge,
} from "../dist/index.js";

type ElementProps<E extends HTMLElement, Props> = DetailedHTMLProps<HTMLAttributes<E>, E> & Partial<Props>;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "bankcrm-provider": ElementProps<BankcrmProvider, Pick<BankcrmProvider, "client" | "user" | "locale" | "theme">>;
      "bankcrm-tier-badge": ElementProps<BankcrmTierBadge, Pick<BankcrmTierBadge, "tier" | "locale">>;
      "bankcrm-value-badge": ElementProps<
        BankcrmValueBadge,
        Pick<BankcrmValueBadge, "tier" | "value" | "loading" | "error" | "locale">
      >;
      "bankcrm-customer-card": ElementProps<
        BankcrmCustomerCard,
        Pick<
          BankcrmCustomerCard,
          "customer" | "value" | "figures" | "names" | "layout" | "offline" | "loading" | "error" | "locale" | "client"
        > & {
          "customer-id": string;
          "reveal-reason": string;
          "onbankcrm-reveal": (event: BankcrmRevealEvent) => void;
          "onbankcrm-revealed": (event: BankcrmRevealedEvent) => void;
          "onbankcrm-reveal-error": (event: BankcrmRevealErrorEvent) => void;
        }
      >;
      "bankcrm-customer-timeline": ElementProps<
        BankcrmCustomerTimeline,
        Pick<
          BankcrmCustomerTimeline,
          "entries" | "kinds" | "channel" | "now" | "loading" | "error" | "offline" | "locale" | "client" | "user"
        > & {
          "customer-id": string;
          "has-more": boolean;
          "page-size": number;
          "onbankcrm-timeline-load-more": (event: BankcrmTimelineLoadMoreEvent) => void;
        }
      >;
      "bankcrm-lead-form": ElementProps<
        BankcrmLeadForm,
        Pick<
          BankcrmLeadForm,
          "purpose" | "audience" | "source" | "prefill" | "name" | "disabled" | "locale" | "client" | "user"
        > & {
          "customer-id": string;
          "branch-id": string;
          "campaign-id": string;
          "consent-version": string;
          "consent-text": string;
          "onbankcrm-lead-submit": (event: BankcrmLeadSubmitEvent) => void;
          "onbankcrm-lead-saved": (event: BankcrmLeadSavedEvent) => void;
          "onbankcrm-lead-error": (event: BankcrmLeadErrorEvent) => void;
        }
      >;
      "bankcrm-task-list": ElementProps<
        BankcrmTaskList,
        Pick<BankcrmTaskList, "now" | "careEvents" | "locale" | "client" | "user"> & {
          "assignee-id": string;
          "customer-id": string;
          "no-create": boolean;
          "onbankcrm-task-change": (event: BankcrmTaskChangeEvent) => void;
        }
      >;
      "bankcrm-activity-form": ElementProps<
        BankcrmActivityForm,
        Pick<BankcrmActivityForm, "kind" | "now" | "channel" | "startedAt" | "locale" | "client" | "user"> & {
          "customer-id": string;
          "opportunity-id": string;
          "case-id": string;
          "onbankcrm-activity-saved": (event: BankcrmActivitySavedEvent) => void;
        }
      >;
      "bankcrm-pipeline": ElementProps<
        BankcrmPipeline,
        Pick<BankcrmPipeline, "opportunities" | "now" | "names" | "locale" | "client" | "user"> & {
          "owner-id": string;
          "customer-id": string;
          "closed-limit": number;
          "onbankcrm-opportunity-move": (event: BankcrmOpportunityMoveEvent) => void;
          "onbankcrm-opportunity-moved": (event: BankcrmOpportunityMovedEvent) => void;
          "onbankcrm-opportunity-move-error": (event: BankcrmOpportunityMoveErrorEvent) => void;
        }
      >;
      "bankcrm-lead-queue": ElementProps<
        BankcrmLeadQueue,
        Pick<BankcrmLeadQueue, "unassigned" | "staff" | "policy" | "now" | "locale" | "client" | "user"> & {
          "assignee-id": string;
          "branch-id": string;
          "customer-id": string;
          "close-in-days": number;
          "onbankcrm-lead-change": (event: BankcrmLeadChangeEvent) => void;
        }
      >;
      "bankcrm-offer-list": ElementProps<
        BankcrmOfferList,
        Pick<BankcrmOfferList, "catalog" | "rules" | "limit" | "channel" | "now" | "locale" | "client" | "user"> & {
          "customer-id": string;
          "dismissed-for-days": number;
          "task-due-days": number;
          "onbankcrm-offer-response": (event: BankcrmOfferResponseEvent) => void;
        }
      >;
      "bankcrm-knowledge-search": ElementProps<
        BankcrmKnowledgeSearch,
        Pick<BankcrmKnowledgeSearch, "query" | "kind" | "limit" | "locale" | "client" | "user"> & {
          "product-type": BankcrmKnowledgeSearch["productType"];
          "onbankcrm-knowledge-open": (event: BankcrmKnowledgeOpenEvent) => void;
        }
      >;
      "bankcrm-target-progress": ElementProps<
        BankcrmTargetProgress,
        Pick<BankcrmTargetProgress, "achievements" | "mode" | "names" | "currency" | "locale">
      >;
      "bankcrm-case-form": ElementProps<
        BankcrmCaseForm,
        Pick<BankcrmCaseForm, "type" | "channel" | "slaTable" | "calendar" | "now" | "locale" | "client" | "user"> & {
          "customer-id": string;
          "onbankcrm-case-change": (event: BankcrmCaseChangeEvent) => void;
        }
      >;
      "bankcrm-case-queue": ElementProps<
        BankcrmCaseQueue,
        Pick<BankcrmCaseQueue, "staff" | "calendar" | "now" | "locale" | "client" | "user"> & {
          "customer-id": string;
          "assignee-id": string;
          "resolved-limit": number;
          "onbankcrm-case-change": (event: BankcrmCaseChangeEvent) => void;
        }
      >;
      "bankcrm-satisfaction-survey": ElementProps<
        BankcrmSatisfactionSurvey,
        Pick<BankcrmSatisfactionSurvey, "summaryOf" | "locale" | "client" | "user"> & {
          "case-id": string;
          "onbankcrm-case-change": (event: BankcrmCaseChangeEvent) => void;
        }
      >;
      "bankcrm-customer-form": ElementProps<
        BankcrmCustomerForm,
        Pick<BankcrmCustomerForm, "now" | "locale" | "client" | "user"> & {
          "customer-id": string;
          "consent-version": string;
          "onbankcrm-customer-change": (event: BankcrmCustomerChangeEvent) => void;
        }
      >;
      "bankcrm-campaign-report": ElementProps<
        BankcrmCampaignReport,
        Pick<BankcrmCampaignReport, "effect" | "name" | "currency" | "locale">
      >;
      "bankcrm-kpi-tile": ElementProps<
        BankcrmKpiTile,
        Pick<BankcrmKpiTile, "label" | "value" | "previous" | "format" | "currency" | "good" | "versus" | "locale">
      >;
      "bankcrm-chart": ElementProps<
        BankcrmChart,
        Pick<
          BankcrmChart,
          | "type"
          | "label"
          | "data"
          | "values"
          | "bins"
          | "domain"
          | "format"
          | "currency"
          | "itemLabel"
          | "valueLabel"
          | "locale"
        >
      >;
      "bankcrm-value-breakdown": ElementProps<
        BankcrmValueBreakdown,
        Pick<BankcrmValueBreakdown, "contribution" | "label" | "loading" | "masked" | "error" | "locale">
      >;
      "bankcrm-match-review": ElementProps<
        BankcrmMatchReview,
        Pick<BankcrmMatchReview, "pair" | "records" | "loading" | "offline" | "error" | "locale"> & {
          "onbankcrm-match-decision": (event: BankcrmMatchDecisionEvent) => void;
        }
      >;
      "bankcrm-relationship-group": ElementProps<
        BankcrmRelationshipGroup,
        Pick<BankcrmRelationshipGroup, "summary" | "customerId" | "loading" | "masked" | "error" | "locale">
      >;
      "bankcrm-segment-builder": ElementProps<
        BankcrmSegmentBuilder,
        Pick<BankcrmSegmentBuilder, "catalog" | "definition" | "counter" | "sampleLabel" | "readonly" | "locale"> & {
          "onbankcrm-segment-change": (event: BankcrmSegmentChangeEvent) => void;
        }
      >;
    }
  }
}

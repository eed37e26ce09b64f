/**
 * The domain's state machines; each one's states are its field's vocabulary (vocabulary.ts):
 * - lead: new → contacted → qualified → converted (linking an opportunity or a
 *   customer) | disqualified with a reason;
 * - opportunity: its open stages in any order → won with the amount | lost with
 *   a reason; moving sets the stage's default probability;
 * - service case: open → in progress ⇄ waiting on the customer → resolved →
 *   closed; reopened within a window; escalated (priority up a step);
 * - task: open → in progress → done | cancelled; snoozed to a later time;
 * - campaign: draft → approved (`scheduled`) → running (`active`) → completed |
 *   cancelled; approved by a branch manager who is neither its owner nor its
 *   author (four eyes).
 */
import { DAY_MS } from "../time.js";
import { MAX_COMPLAINT_EXTENSIONS } from "../service/regulatory.js";
import * as z from "zod";
import { MoneySchema } from "../money/money-schema.js";
import { IdSchema, IsoDateTimeSchema, text } from "../schemas/common.js";
import type { Campaign } from "../schemas/campaign.js";
import type { Lead } from "../schemas/lead.js";
import type { ServiceCase } from "../schemas/service-case.js";
import type { Task } from "../schemas/task.js";
import type { KnowledgeArticle } from "../schemas/knowledge-article.js";
import {
  CAMPAIGN_STATUSES,
  KNOWLEDGE_STATUSES,
  LEAD_STATUSES,
  OPPORTUNITY_STAGES,
  PRIORITIES,
  SERVICE_CASE_STATUSES,
  TASK_STATUSES,
  type ProductRiskLevel,
  type ResolutionCode,
  type StaffRole,
} from "../vocabulary.js";
import { ProductRiskLevelSchema, ResolutionCodeSchema } from "../schemas/enums.js";
import { object } from "../zod.js";
import { defineMachine, type GuardRefusal, type TransitionContext } from "./state-machine.js";
import { DualRecordingSchema, type DualRecording, type Opportunity } from "../schemas/opportunity.js";
import { SALE_CHECKED_PRODUCT_TYPES, saleOverridable, saleRefusals } from "../compliance/sale-check.js";
import { BankcrmSaleRefusedError } from "../errors/sale-refused-error.js";

/** Win probability a stage implies when an opportunity moves into it. */
export const DEFAULT_STAGE_PROBABILITY = {
  prospecting: 0.1,
  qualification: 0.2,
  needs_analysis: 0.4,
  proposal: 0.6,
  negotiation: 0.8,
  won: 1,
  lost: 0,
} as const satisfies Record<Opportunity["stage"], number>;

export const OPEN_STAGES = ["prospecting", "qualification", "needs_analysis", "proposal", "negotiation"] as const;

/** Days after resolution within which a case may be reopened. */
export const DEFAULT_REOPEN_WINDOW_DAYS = 15;

const reason = object({ reason: text(500) });
const optionalReason = object({ reason: text(500).optional() });

export const leadMachine = defineMachine<Lead>({
  field: "status",
  states: LEAD_STATUSES,
  initial: ["new"],
  terminal: ["converted", "disqualified"],
  transitions: [
    { event: "contact", from: ["new"], to: "contacted", details: optionalReason },
    { event: "qualify", from: ["contacted"], to: "qualified", details: optionalReason },
    {
      event: "convert",
      from: ["qualified"],
      to: "converted",
      details: object({
        opportunityId: IdSchema.optional(),
        customerId: IdSchema.optional(),
        reason: text(500).optional(),
      }).check((ctx) => {
        if (ctx.value.opportunityId === undefined && ctx.value.customerId === undefined)
          ctx.issues.push({
            code: "custom",
            path: ["opportunityId"],
            message: "convertTarget",
            input: undefined,
          });
      }),
      effect: (_lead, { details }) => ({
        ...(typeof details.opportunityId === "string" ? { opportunityId: details.opportunityId } : {}),
        ...(typeof details.customerId === "string" ? { customerId: details.customerId } : {}),
      }),
    },
    {
      event: "disqualify",
      from: ["new", "contacted", "qualified"],
      to: "disqualified",
      details: reason,
      effect: (_lead, { details }) => ({ disqualifiedReason: String(details.reason).slice(0, 200) }),
    },
  ],
});

const OPPORTUNITY_ROLES: readonly StaffRole[] = ["relationship_manager", "branch_manager"];

/** What the win brings to the sale: the product's risk level and the recording, when given with the event. */
const saleDetails = (details: Record<string, unknown>) => ({
  ...(details.productRisk ? { productRisk: details.productRisk as ProductRiskLevel } : {}),
  ...(details.dualRecording ? { dualRecording: details.dualRecording as DualRecording } : {}),
});

/** The sale's refusals as it would be won: with what the event brings. */
function saleRefusalsOf(o: Opportunity, { at, details, customer, salePolicy }: TransitionContext) {
  return saleRefusals({ ...o, ...saleDetails(details) }, customer, at, salePolicy);
}

/** Refuses a win the sale rules do not allow, unless a role that may overrides every refusal with a reason. */
function checkSale(o: Opportunity, context: TransitionContext) {
  const refusals = saleRefusalsOf(o, context);
  if (refusals.length === 0) return;
  const may = saleOverridable(refusals, context.actor.role, context.salePolicy);
  if (may && typeof context.details.overrideReason === "string") return;
  throw new BankcrmSaleRefusedError(refusals, may);
}

export const opportunityMachine = defineMachine<Opportunity>({
  field: "stage",
  states: OPPORTUNITY_STAGES,
  initial: OPEN_STAGES,
  terminal: ["won", "lost"],
  transitions: [
    {
      event: "move",
      from: OPEN_STAGES,
      to: (_o, details) => String(details.stage),
      details: object({
        stage: z.enum(OPEN_STAGES),
        probability: z.number().min(0).max(1).optional(),
        reason: text(500).optional(),
      }),
      guard: (o, { details }) => (details.stage === o.stage ? { kind: "invalid", reason: "sameStage" } : undefined),
      effect: (_o, { details }) => ({
        probability:
          typeof details.probability === "number"
            ? details.probability
            : DEFAULT_STAGE_PROBABILITY[details.stage as (typeof OPEN_STAGES)[number]],
      }),
      roles: OPPORTUNITY_ROLES,
    },
    {
      // A sale of an investment or insurance product to a person is won only when it is suitable and recorded
      // (sale-check.ts); a branch manager may override what the policy lets them, with a reason kept on the sale.
      event: "win",
      from: OPEN_STAGES,
      to: "won",
      details: object({
        amount: MoneySchema,
        reason: text(500).optional(),
        productRisk: ProductRiskLevelSchema.optional(),
        dualRecording: DualRecordingSchema.optional(),
        overrideReason: text(500).optional(),
      }),
      // Only a checked product's sale reads the customer: a deposit's win costs no read.
      needsCustomer: (o) => SALE_CHECKED_PRODUCT_TYPES.includes(o.productType),
      check: checkSale,
      effect: (o, context) => {
        const { at, details } = context;
        const refusals = saleRefusalsOf(o, context);
        return {
          amount: details.amount as Opportunity["amount"],
          probability: 1,
          closedAt: at,
          ...saleDetails(details),
          ...(refusals.length > 0 && typeof details.overrideReason === "string"
            ? {
                saleOverride: {
                  by: context.actor.id,
                  at,
                  reason: details.overrideReason,
                  refusals: refusals.map((r) => r.code),
                },
              }
            : {}),
        };
      },
      roles: OPPORTUNITY_ROLES,
    },
    {
      event: "lose",
      from: OPEN_STAGES,
      to: "lost",
      details: reason,
      effect: (_o, { at, details }) => ({
        lostReason: String(details.reason).slice(0, 200),
        probability: 0,
        closedAt: at,
      }),
      roles: OPPORTUNITY_ROLES,
    },
  ],
});

const ACTIVE_CASE = ["open", "in_progress", "pending_customer"] as const;
/** Who may approve a complaint's second extension (a senior manager, 高级管理人员): by extending it themselves. */
const EXTENSION_APPROVERS: readonly StaffRole[] = ["branch_manager"];

/**
 * The 回避 rule (CBIRC 2020): a complaint is taken on and decided by someone with no interest in it — not the
 * customer's relationship manager (the caller passes the customer: `needsCustomer`), nor the person complained about.
 */
const isComplaint = (c: ServiceCase) => c.type === "complaint";
const recusal = (c: ServiceCase, { actor, customer }: TransitionContext): GuardRefusal | undefined =>
  c.type === "complaint" && (actor.id === c.aboutStaffId || actor.id === customer?.relationshipManagerId)
    ? { kind: "accessDenied", reason: "recusal" }
    : undefined;

export const serviceCaseMachine = defineMachine<ServiceCase>({
  field: "status",
  states: SERVICE_CASE_STATUSES,
  initial: ["open"],
  terminal: ["closed"],
  transitions: [
    {
      event: "start",
      from: ["open"],
      to: "in_progress",
      details: optionalReason,
      needsCustomer: isComplaint,
      guard: recusal,
    },
    { event: "await_customer", from: ["in_progress"], to: "pending_customer", details: optionalReason },
    { event: "resume", from: ["pending_customer"], to: "in_progress", details: optionalReason },
    {
      event: "resolve",
      from: ACTIVE_CASE,
      to: "resolved",
      details: object({ resolution: text(1000), code: ResolutionCodeSchema.optional(), reason: text(500).optional() }),
      needsCustomer: isComplaint,
      guard: recusal,
      effect: (_c, { at, details }) => ({
        resolvedAt: at,
        resolution: String(details.resolution),
        ...(typeof details.code === "string" ? { resolutionCode: details.code as ResolutionCode } : {}),
      }),
    },
    { event: "close", from: ["resolved"], to: "closed", details: optionalReason },
    {
      event: "reopen",
      from: ["resolved", "closed"],
      to: "open",
      details: object({ reason: text(500), windowDays: z.int().min(0).max(3650).optional() }),
      guard: (c, { at, details }) => {
        const windowDays = typeof details.windowDays === "number" ? details.windowDays : DEFAULT_REOPEN_WINDOW_DAYS;
        const resolved = c.resolvedAt === undefined ? Number.NaN : Date.parse(c.resolvedAt);
        return Date.parse(at) - resolved <= windowDays * DAY_MS
          ? undefined
          : { kind: "invalid", reason: "reopenWindow" };
      },
      // A reopened case is open again: its resolution and rating belonged to the closed one (kept in history).
      effect: () => ({
        resolvedAt: undefined,
        resolution: undefined,
        resolutionCode: undefined,
        satisfaction: undefined,
        satisfactionComment: undefined,
      }),
    },
    {
      // The regulator's limit for a complaint extended — to 30 days, then 60 with a senior manager's approval (the
      // branch manager extends it themselves): each extension with why and who; the limit is derived from them.
      event: "extend",
      from: ACTIVE_CASE,
      to: (c) => c.status,
      details: reason,
      guard: (c, { actor }) => {
        const n = c.extensions?.length ?? 0;
        if (c.type !== "complaint") return { kind: "invalid", reason: "extendComplaintOnly" };
        if (n >= MAX_COMPLAINT_EXTENSIONS) return { kind: "invalid", reason: "extendLimit" };
        if (n === 1 && !EXTENSION_APPROVERS.includes(actor.role))
          return { kind: "accessDenied", reason: "extendApproval" };
        return undefined;
      },
      effect: (c, { at, actor, details }) => {
        const first = (c.extensions?.length ?? 0) === 0;
        const extension = {
          at,
          reason: String(details.reason),
          by: actor.id,
          ...(first ? {} : { approvedBy: actor.id }),
        };
        return { extensions: [...(c.extensions ?? []), extension] };
      },
    },
    {
      event: "escalate",
      from: ACTIVE_CASE,
      to: (c) => c.status,
      details: reason,
      effect: (c) => ({
        priority: PRIORITIES[Math.min(PRIORITIES.length - 1, PRIORITIES.indexOf(c.priority) + 1)]!,
        escalationLevel: (c.escalationLevel ?? 0) + 1,
      }),
    },
  ],
});

export const taskMachine = defineMachine<Task>({
  field: "status",
  states: TASK_STATUSES,
  initial: ["open"],
  terminal: ["done", "cancelled"],
  transitions: [
    { event: "start", from: ["open"], to: "in_progress", details: optionalReason },
    {
      event: "complete",
      from: ["open", "in_progress"],
      to: "done",
      details: optionalReason,
      effect: (_t, { at }) => ({ completedAt: at }),
    },
    { event: "cancel", from: ["open", "in_progress"], to: "cancelled", details: reason },
    {
      event: "snooze",
      from: ["open", "in_progress"],
      to: (t) => t.status,
      details: object({ until: IsoDateTimeSchema, reason: text(500).optional() }),
      // Without details (when listing what is available) there is nothing to refuse yet.
      guard: (_t, { at, details }) =>
        typeof details.until !== "string" || Date.parse(details.until) > Date.parse(at)
          ? undefined
          : { kind: "invalid", reason: "snoozeInPast" },
      effect: (_t, { details }) => ({ dueAt: String(details.until) }),
    },
  ],
});

const CAMPAIGN_RUNNERS: readonly StaffRole[] = ["marketing", "branch_manager"];

export const campaignMachine = defineMachine<Campaign>({
  field: "status",
  states: CAMPAIGN_STATUSES,
  initial: ["draft"],
  terminal: ["completed", "cancelled"],
  transitions: [
    {
      event: "approve",
      from: ["draft"],
      to: "scheduled",
      roles: ["branch_manager"],
      details: optionalReason,
      guard: (c, { actor }) =>
        actor.id === c.ownerId || actor.id === c.createdBy ? { kind: "accessDenied", reason: "fourEyes" } : undefined,
      effect: (_c, { actor, at }) => ({ approvedBy: actor.id, approvedAt: at }),
    },
    { event: "launch", from: ["scheduled"], to: "active", roles: CAMPAIGN_RUNNERS, details: optionalReason },
    { event: "complete", from: ["active"], to: "completed", roles: CAMPAIGN_RUNNERS, details: optionalReason },
    {
      event: "cancel",
      from: ["draft", "scheduled", "active"],
      to: "cancelled",
      roles: CAMPAIGN_RUNNERS,
      details: reason,
    },
  ],
});

/** Who keeps the knowledge base: head office marketing writes, a branch manager may publish too. */
export const KNOWLEDGE_EDITORS: readonly StaffRole[] = ["marketing", "branch_manager"];

/**
 * A knowledge-base article: published by someone other than its author or its last editor (what a script promises
 * is checked by a second person), taken back to a draft to be changed (and published again), retired when out of date.
 */
export const knowledgeMachine = defineMachine<KnowledgeArticle>({
  field: "status",
  states: KNOWLEDGE_STATUSES,
  initial: ["draft"],
  terminal: ["retired"],
  transitions: [
    {
      event: "publish",
      from: ["draft"],
      to: "published",
      roles: KNOWLEDGE_EDITORS,
      details: optionalReason,
      // Neither its author nor whoever changed it last publishes it.
      guard: (a, { actor }) =>
        actor.id === a.createdBy || actor.id === a.updatedBy
          ? { kind: "accessDenied", reason: "fourEyesPublish" }
          : undefined,
      effect: (_a, { actor, at }) => ({ publishedBy: actor.id, publishedAt: at }),
    },
    { event: "revise", from: ["published"], to: "draft", roles: KNOWLEDGE_EDITORS, details: reason },
    { event: "retire", from: ["draft", "published"], to: "retired", roles: KNOWLEDGE_EDITORS, details: reason },
  ],
});

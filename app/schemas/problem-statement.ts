import { z } from "zod";
import { optionalText, requiredText } from "./fields";

// Problem statements (bài toán / nhu cầu), their public Q&A and proposals.
// Messages are i18n keys; the feature's own ones live under "statements.".

export const MAX_TITLE = 200;
export const MAX_LONG = 5000;
export const MAX_MEDIUM = 2000;
export const MAX_SHORT = 300;
export const MAX_PITCH = 2000;
// Far above any real budget, and still exact as a JavaScript number.
export const MAX_VND = 1_000_000_000_000_000;
// Below this the "current situation" reads as a heading, not a description.
export const MIN_CONTEXT_FOR_QUALITY = 80;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

// The calendar date in Hanoi, whatever the server's or browser's own zone.
// Built once: an Intl formatter costs far more to build than to use, and the
// board, the statement forms and their checks ask for today on every load.
const hanoiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function todayInHanoi(now = new Date()): string {
  return hanoiDate.format(now);
}

const dateField = z
  .string({ required_error: "validation.required" })
  .trim()
  .regex(DATE, "validation.date")
  .refine(isCalendarDate, "validation.date");

// Whole dong, optionally grouped with dots as Vietnamese write it ("1.500.000").
// Signs, decimals and words ("1,5 tỷ") are refused rather than guessed at.
const vndField = z
  .string()
  .trim()
  .regex(/^(\d{1,3}(\.\d{3})+|\d+)$/, "statements.validation.vnd")
  .transform((value) => Number(value.replace(/\./g, "")))
  .refine((value) => value <= MAX_VND, "statements.validation.vndTooLarge")
  .optional();

const trlField = z.coerce
  .number({ invalid_type_error: "statements.validation.trl" })
  .int("statements.validation.trl")
  .min(1, "statements.validation.trl")
  .max(9, "statements.validation.trl")
  .optional();

export const problemStatementSchema = z
  .object({
    title: requiredText(MAX_TITLE),
    context: requiredText(MAX_LONG),
    // Optional, for English readers; the rest of the statement stays Vietnamese.
    summaryEn: optionalText(MAX_MEDIUM),
    targetUsers: optionalText(MAX_MEDIUM),
    responsiblePerson: requiredText(MAX_SHORT),
    scopeOfWork: requiredText(MAX_LONG),
    timeline: requiredText(MAX_MEDIUM),
    deadline: dateField,
    accountableUnit: requiredText(MAX_SHORT),
    deliverable: requiredText(MAX_MEDIUM),
    successCriteria: requiredText(MAX_MEDIUM),
    decisionAuthority: requiredText(MAX_SHORT),
    dataAvailable: optionalText(MAX_MEDIUM),
    constraints: optionalText(MAX_MEDIUM),
    budgetMinVnd: vndField,
    budgetMaxVnd: vndField,
    desiredTrl: trlField,
    proposalDeadline: dateField,
    majorProblemId: z.string().max(40, "validation.invalidChoice").optional(),
  })
  .superRefine((value, ctx) => {
    if (
      value.budgetMinVnd !== undefined &&
      value.budgetMaxVnd !== undefined &&
      value.budgetMaxVnd < value.budgetMinVnd
    ) {
      ctx.addIssue({ path: ["budgetMaxVnd"], code: "custom", message: "statements.validation.budgetOrder" });
    }
    // ISO dates compare correctly as strings.
    if (value.proposalDeadline < todayInHanoi()) {
      ctx.addIssue({ path: ["proposalDeadline"], code: "custom", message: "statements.validation.pastDate" });
    } else if (value.proposalDeadline > value.deadline) {
      ctx.addIssue({
        path: ["proposalDeadline"],
        code: "custom",
        message: "statements.validation.proposalAfterDeadline",
      });
    }
  });

export type ProblemStatementInput = z.output<typeof problemStatementSchema>;

// On the server the link must be one of the major problems offered in the form.
export function statementSchemaFor(majorProblemIds: string[]) {
  return problemStatementSchema.refine(
    (value) => !value.majorProblemId || majorProblemIds.includes(value.majorProblemId),
    {
      path: ["majorProblemId"],
      message: "validation.invalidChoice",
    },
  );
}

export const returnSchema = z.object({ note: requiredText(MAX_MEDIUM) });
export const closeSchema = z.object({ outcome: requiredText(MAX_MEDIUM) });

export const questionSchema = z.object({
  organisationId: z
    .string({ required_error: "validation.requiredChoice" })
    .min(1, "validation.requiredChoice")
    .max(40, "validation.invalidChoice"),
  body: requiredText(MAX_MEDIUM),
});

export const answerSchema = z.object({
  questionId: z.string({ required_error: "validation.required" }).min(1).max(40),
  answer: requiredText(MAX_LONG),
});

export const proposalSchema = z.object({
  offerId: z
    .string({ required_error: "validation.requiredChoice" })
    .min(1, "validation.requiredChoice")
    .max(40, "validation.invalidChoice"),
  pitch: requiredText(MAX_PITCH),
  attachment: z.instanceof(File).optional(),
});

export const decisionStatuses = ["SHORTLISTED", "SELECTED", "DECLINED"] as const;
export const declineReasons = [
  "OUT_OF_SCOPE",
  "TRL_TOO_LOW",
  "OVER_BUDGET",
  "INCOMPLETE",
  "DUPLICATE",
  "OTHER",
] as const;

export const decisionSchema = z
  .object({
    proposalId: z.string({ required_error: "validation.required" }).min(1).max(40),
    status: z.enum(decisionStatuses, { errorMap: () => ({ message: "validation.requiredChoice" }) }),
    declineReason: z.enum(declineReasons, { errorMap: () => ({ message: "validation.requiredChoice" }) }).optional(),
    declineNote: optionalText(MAX_MEDIUM),
  })
  .superRefine((value, ctx) => {
    if (value.status === "DECLINED" && !value.declineReason) {
      ctx.addIssue({ path: ["declineReason"], code: "custom", message: "validation.requiredChoice" });
    }
  });

// --- Quality check: what a provider needs to answer well. ---

export const qualityChecks = ["problem", "users", "budget", "successCriteria", "data"] as const;
export type QualityCheck = (typeof qualityChecks)[number];

export type QualityInput = {
  title: string;
  context: string;
  targetUsers?: string | null;
  budgetMinVnd?: number | bigint | null;
  budgetMaxVnd?: number | bigint | null;
  successCriteria: string;
  dataAvailable?: string | null;
};

const filled = (text: string | null | undefined) => Boolean(text && text.trim());

export function statementQuality(statement: QualityInput): { score: number; checks: Record<QualityCheck, boolean> } {
  const checks: Record<QualityCheck, boolean> = {
    problem: filled(statement.title) && statement.context.trim().length >= MIN_CONTEXT_FOR_QUALITY,
    users: filled(statement.targetUsers),
    budget: statement.budgetMinVnd != null && statement.budgetMaxVnd != null,
    // "Measurable" in the plainest sense: the criteria name a number to hit.
    successCriteria: /\d/.test(statement.successCriteria),
    data: filled(statement.dataAvailable),
  };
  const passed = qualityChecks.filter((check) => checks[check]).length;
  return { score: Math.round((100 * passed) / qualityChecks.length), checks };
}

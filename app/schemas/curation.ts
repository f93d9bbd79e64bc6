import { z } from "zod";
import { optionalText, tooLong } from "./fields";
import { todayInHanoi } from "./problem-statement";

export const matchStatuses = ["SUGGESTED", "SHORTLISTED", "APPROVED", "REJECTED"] as const;
export type MatchStatusValue = (typeof matchStatuses)[number];
export const matchRejectReasons = [
  "OUT_OF_SCOPE",
  "TRL_TOO_LOW",
  "OVER_BUDGET",
  "DUPLICATE",
  "PROVIDER_UNAVAILABLE",
  "OTHER",
] as const;
export const deploymentStages = ["INTRODUCED", "PILOT", "PROCUREMENT", "DEPLOYED", "DROPPED"] as const;
export type DeploymentStageValue = (typeof deploymentStages)[number];

export const MAX_NOTE = 2000;
export const MAX_DROP_REASON = 500;

// A card travels as "id:version": the version the board was showing, so a
// move made from a stale page is refused instead of overwriting.
export const matchRef = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}:\d{1,9}$/, "curation.errors.notFound")
  .transform((value) => {
    const [matchId, version] = value.split(":");
    return { matchId: matchId!, expectedVersion: Number(version) };
  });

export const moveSchema = z
  .object({
    match: z
      .array(matchRef, { required_error: "curation.errors.noneSelected" })
      .min(1, "curation.errors.noneSelected")
      .max(100),
    to: z.enum(matchStatuses, { errorMap: () => ({ message: "curation.errors.invalidStatus" }) }),
    rejectReason: z
      .enum(matchRejectReasons, { errorMap: () => ({ message: "curation.errors.reasonRequired" }) })
      .optional(),
    note: optionalText(MAX_NOTE),
  })
  .superRefine((value, ctx) => {
    if (value.to === "REJECTED" && !value.rejectReason) {
      ctx.addIssue({ path: ["rejectReason"], code: "custom", message: "curation.errors.reasonRequired" });
    }
  });
export type MoveInput = z.infer<typeof moveSchema>;

export const noteSchema = z.object({
  matchId: z.string().min(1).max(40),
  body: z
    .string({ required_error: "curation.errors.noteRequired" })
    .trim()
    .min(1, "curation.errors.noteRequired")
    .max(MAX_NOTE, tooLong(MAX_NOTE)),
});

export const assignSchema = z.object({
  matchId: z.string().min(1).max(40),
  // Empty means "nobody".
  assigneeId: z.string().max(40).optional(),
});

export const stageSchema = z
  .object({
    match: matchRef,
    stage: z.enum(deploymentStages, { errorMap: () => ({ message: "curation.errors.invalidStage" }) }),
    date: z
      .string({ required_error: "curation.errors.invalidDate" })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "curation.errors.invalidDate")
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "curation.errors.invalidDate"),
    dropReason: optionalText(MAX_DROP_REASON),
  })
  .superRefine((value, ctx) => {
    if (value.date > todayInHanoi())
      ctx.addIssue({ path: ["date"], code: "custom", message: "curation.errors.futureDate" });
    if (value.stage === "DROPPED" && !value.dropReason) {
      ctx.addIssue({ path: ["dropReason"], code: "custom", message: "curation.errors.dropReasonRequired" });
    }
  });
export type StageInput = z.infer<typeof stageSchema>;

// Shared by the board (which buttons to show) and the model (which moves to
// refuse). Approval comes after a shortlist.
export const allowedMoves: Record<MatchStatusValue, MatchStatusValue[]> = {
  SUGGESTED: ["SHORTLISTED", "REJECTED"],
  SHORTLISTED: ["SUGGESTED", "APPROVED", "REJECTED"],
  APPROVED: ["SHORTLISTED", "REJECTED"],
  REJECTED: ["SUGGESTED", "SHORTLISTED"],
};

const stageOrder: DeploymentStageValue[] = ["INTRODUCED", "PILOT", "PROCUREMENT", "DEPLOYED"];

// Forward only; a pilot or procurement may be skipped, the introduction may
// not. Deployed and dropped are the end.
export function canAdvance(from: DeploymentStageValue | null, to: DeploymentStageValue): boolean {
  if (from === "DEPLOYED" || from === "DROPPED") return false;
  if (to === "DROPPED") return true;
  if (from === null) return to === "INTRODUCED";
  return stageOrder.indexOf(to) > stageOrder.indexOf(from);
}

export const nextStages = (from: DeploymentStageValue | null) =>
  deploymentStages.filter((stage) => canAdvance(from, stage));

import { z } from "zod";
import { optionalText, requiredText, tooLong } from "./fields";

// English text is optional (null means "in Vietnamese only") and capped like
// its Vietnamese counterpart, so a translation can never be longer than the
// columns and pages were sized for.
export const MAX_LIST_NAME = 200;
export const MAX_SUMMARY = 2000;
export const MAX_TITLE = 200;

export const priorities = ["HIGH", "MEDIUM", "LOW"] as const;
export const majorProblemStatuses = ["OPEN", "IN_PROGRESS", "SOLVED", "WITHDRAWN"] as const;

const year = z.coerce
  .number({ invalid_type_error: "validation.year" })
  .int("validation.year")
  .min(2000, "validation.year")
  .max(2100, "validation.year");

export const majorProblemListSchema = z
  .object({
    name: requiredText(MAX_LIST_NAME),
    summary: optionalText(MAX_SUMMARY),
    nameEn: optionalText(MAX_LIST_NAME),
    summaryEn: optionalText(MAX_SUMMARY),
    decisionNumber: requiredText(50),
    decisionDate: z
      .string({ required_error: "validation.required" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
      .transform((value) => new Date(`${value}T00:00:00+07:00`))
      .refine((date) => !Number.isNaN(date.getTime()), "validation.date"),
    periodStart: year,
    periodEnd: year,
  })
  .refine((list) => list.periodEnd >= list.periodStart, { path: ["periodEnd"], message: "validation.periodOrder" });

export const majorProblemSchema = z.object({
  code: requiredText(30).regex(/^[A-Za-z0-9._-]+$/, "validation.code"),
  title: requiredText(MAX_TITLE),
  description: requiredText(5000),
  titleEn: optionalText(MAX_TITLE),
  summaryEn: optionalText(MAX_SUMMARY),
  sectorId: z.string().max(40, tooLong(40)).optional(),
  leadAgency: requiredText(200),
  priority: z.enum(priorities, { errorMap: () => ({ message: "validation.requiredChoice" }) }),
  status: z.enum(majorProblemStatuses, { errorMap: () => ({ message: "validation.requiredChoice" }) }),
  // "6 rõ" tracking; both optional, and only the edit form carries them.
  ownerId: z.string().max(40, tooLong(40)).optional(),
  deadline: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, "validation.date")
    .optional(),
});

export const publishVersionSchema = z.object({
  intent: z.literal("publish"),
  changelog: requiredText(2000),
});

export const termSchema = z.object({
  intent: z.literal("create"),
  kind: z.enum(["SECTOR", "TECHNOLOGY", "BUSINESS_NEED"], {
    errorMap: () => ({ message: "validation.requiredChoice" }),
  }),
  nameVi: requiredText(120),
  nameEn: requiredText(120),
});

export const termUpdateSchema = z.object({
  intent: z.literal("update"),
  termId: z.string().min(1),
  nameVi: requiredText(120),
  nameEn: requiredText(120),
});

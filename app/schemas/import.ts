import { z } from "zod";
import { priorities } from "./major-problem";
import { deploymentModels } from "./offer";

// Rows from other exchanges: lenient about shape (CSV gives strings), strict
// about what a listing must have. Messages are i18n keys.
const text = (max: number) => z.string().trim().max(max, `validation.tooLong|${max}`);
const required = (max: number) =>
  z.preprocess((v) => (v === null || v === undefined ? "" : String(v)), text(max).min(1, "validation.required"));
const optional = (max: number) =>
  z.preprocess(
    (v) => (v === null || v === undefined || String(v).trim() === "" ? undefined : String(v)),
    text(max).optional(),
  );

// CSV cells hold lists as "a; b" and nested records as JSON.
const list = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === "string" && v.trim() ? v.split(/[;|]/) : []),
  z.array(z.string().trim().min(1).max(80)).max(30),
);
const jsonArray = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => {
    if (typeof v !== "string") return v ?? [];
    if (!v.trim()) return [];
    try {
      return JSON.parse(v);
    } catch {
      return "not-json";
    }
  }, z.array(item, { invalid_type_error: "import.invalidJson" }).max(10));

const price = z.preprocess(
  (v) => (v === null || v === undefined || v === "" ? null : typeof v === "string" ? v.replace(/\./g, "") : v),
  z.coerce
    .number({ invalid_type_error: "validation.price" })
    .int("validation.price")
    .min(0, "validation.price")
    .max(1e15, "validation.price")
    .nullable(),
);

export const importedOfferSchema = z.object({
  externalId: required(100),
  provider: required(200),
  title: required(200),
  description: required(20000),
  summary: optional(500),
  titleEn: optional(200),
  summaryEn: optional(500),
  language: z.preprocess(
    (v) => (v ? String(v).trim().toLowerCase() : "vi"),
    z.enum(["vi", "en"], { errorMap: () => ({ message: "import.language" }) }),
  ),
  tags: list,
  trl: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z.coerce.number().int("validation.trl").min(1, "validation.trl").max(9, "validation.trl").optional(),
  ),
  deploymentModel: z.preprocess(
    (v) => (v ? String(v).trim().toUpperCase().replace(/[-\s]/g, "_") : undefined),
    z.enum(deploymentModels, { errorMap: () => ({ message: "validation.invalidChoice" }) }).optional(),
  ),
  ipStatus: optional(300),
  contactName: optional(120),
  contactEmail: z.preprocess(
    (v) => (v ? String(v).trim().toLowerCase() : undefined),
    z.string().email("validation.email").max(254).optional(),
  ),
  contactPhone: optional(40),
  packages: jsonArray(z.object({ name: required(120), priceVnd: price.optional().default(null), unit: optional(40) })),
  references: jsonArray(
    z.object({ customer: required(200), year: z.coerce.number().int().min(1990).max(2100), result: required(1000) }),
  ),
});
export type ImportedOffer = z.infer<typeof importedOfferSchema>;

export const importedProblemSchema = z.object({
  code: required(30).pipe(z.string().regex(/^[A-Za-z0-9._-]+$/, "validation.code")),
  title: required(200),
  description: required(5000),
  // English title and summary, as staff would type them; a blank cell leaves
  // what is already there, so re-importing a Vietnamese-only file keeps a translation.
  titleEn: optional(200),
  summaryEn: optional(2000),
  sector: optional(120),
  leadAgency: optional(200),
  priority: z.preprocess(
    (v) => (v ? String(v).trim().toUpperCase() : "MEDIUM"),
    z.enum(priorities, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  ),
});
export type ImportedProblem = z.infer<typeof importedProblemSchema>;

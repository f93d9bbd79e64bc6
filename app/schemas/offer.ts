import { z } from "zod";
import { MAX_EMAIL, MAX_NAME, optionalText, requiredText, tooLong } from "./fields";

export const deploymentModels = ["SAAS", "ON_PREMISE", "HARDWARE", "SERVICE"] as const;
export const evidenceLevels = ["SELF_DECLARED", "DOCUMENTS_VERIFIED", "REFERENCE_CONFIRMED", "SANDBOX_TESTED"] as const;
export const trlLevels = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export const MAX_PACKAGES = 5;
export const MAX_REFERENCES = 5;
// A line or two under the package name, as the comparison table shows it.
export const MAX_PACKAGE_DESCRIPTION = 300;
export const MAX_IMAGES = 4;
export const FIRST_REFERENCE_YEAR = 1990;
// A quadrillion dong: far above any real package, and still exact as a JS number.
export const MAX_PRICE_VND = 1_000_000_000_000_000;

// The offer form shows the rows already filled and one empty row to fill;
// "add another" posts the form back with one more (intent=add-package), and
// each row's "remove" button posts it back without that row.
export const ROW_INTENT = /^(add|remove)-(package|reference)(?:-(\d{1,2}))?$/;

export function isRowIntent(value: unknown): boolean {
  return typeof value === "string" && ROW_INTENT.test(value);
}

const isFilled = (row: unknown) =>
  !!row &&
  typeof row === "object" &&
  Object.values(row).some((v) =>
    typeof v === "string" ? v.trim() !== "" : Array.isArray(v) ? v.length > 0 : v != null && v !== false,
  );

// Rows to show: every row the page showed (posted back, so "add another" and
// trailing empty rows are kept), at least up to one past the last filled row,
// never more than the cap. Missing rows come back as empty objects.
export function visibleRows(rows: unknown, max: number): Record<string, unknown>[] {
  const list: unknown[] = Array.isArray(rows) ? rows : rows == null ? [] : [rows];
  const lastFilled = list.reduce<number>((last, row, i) => (isFilled(row) ? i : last), -1);
  const count = Math.min(max, Math.max(1, list.length, lastFilled + 2));
  return Array.from({ length: count }, (_, i) => (isFilled(list[i]) ? (list[i] as Record<string, unknown>) : {}));
}

export type ParsedPrice = { ok: true; value: number } | { ok: false; error: string };

// Vietnamese write 1.500.000 (dots group thousands); a trailing "đ"/"₫"/"VND"
// is harmless. Anything else — "1,5 triệu", "1.5", "-100" — is refused rather
// than guessed, because a wrong guess would publish a wrong price.
export function parseVnd(text: string): ParsedPrice {
  const cleaned = text
    .trim()
    .replace(/\s*(đ|₫|vnđ|vnd)$/i, "")
    .replace(/\s+/g, "");
  if (/^[-−]/.test(cleaned)) return { ok: false, error: "offers.validation.priceNegative" };
  let digits: string;
  if (/^\d+$/.test(cleaned)) digits = cleaned;
  else if (/^\d{1,3}(\.\d{3})+$/.test(cleaned)) digits = cleaned.replace(/\./g, "");
  else return { ok: false, error: "offers.validation.priceFormat" };
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > MAX_PRICE_VND)
    return { ok: false, error: "offers.validation.priceTooLarge" };
  return { ok: true, value };
}

const idList = (max: number) =>
  z.array(z.string().max(40, tooLong(40))).max(max, `offers.validation.tooManyChoices|${max}`);

const packageRow = z
  .object({
    name: optionalText(120),
    price: z.string().trim().max(40, tooLong(40)).optional(),
    onRequest: z.boolean({ invalid_type_error: "validation.invalidChoice" }).optional(),
    unit: optionalText(30),
    description: optionalText(MAX_PACKAGE_DESCRIPTION),
  })
  .superRefine((row, ctx) => {
    if (!row.name && !row.price && !row.onRequest && !row.unit && !row.description) return;
    if (!row.name) ctx.addIssue({ path: ["name"], code: "custom", message: "validation.required" });
    if (!row.unit) ctx.addIssue({ path: ["unit"], code: "custom", message: "validation.required" });
    if (row.onRequest && row.price) {
      ctx.addIssue({ path: ["price"], code: "custom", message: "offers.validation.priceOrOnRequest" });
    } else if (!row.onRequest) {
      const parsed = row.price ? parseVnd(row.price) : { ok: false as const, error: "offers.validation.priceRequired" };
      if (!parsed.ok) ctx.addIssue({ path: ["price"], code: "custom", message: parsed.error });
    }
  });

const referenceRow = z
  .object({
    customer: optionalText(200),
    year: z.string().trim().max(4, "offers.validation.referenceYear").optional(),
    result: optionalText(1000),
  })
  .superRefine((row, ctx) => {
    if (!row.customer && !row.year && !row.result) return;
    if (!row.customer) ctx.addIssue({ path: ["customer"], code: "custom", message: "validation.required" });
    if (!row.result) ctx.addIssue({ path: ["result"], code: "custom", message: "validation.required" });
    const thisYear = new Date().getFullYear();
    const year = Number(row.year);
    if (!row.year || !/^\d{4}$/.test(row.year) || year < FIRST_REFERENCE_YEAR || year > thisYear) {
      ctx.addIssue({ path: ["year"], code: "custom", message: `offers.validation.referenceYear|${thisYear}` });
    }
  });

// One schema for the whole offer form, in the browser and on the server.
// Files are not part of it: the server checks them by their bytes.
export const offerSchema = z
  .object({
    titleVi: requiredText(200),
    titleEn: optionalText(200),
    summaryVi: requiredText(500),
    summaryEn: optionalText(500),
    descriptionMd: requiredText(20_000),
    sectorIds: idList(20).min(1, "offers.validation.sectorRequired"),
    technologyIds: idList(30),
    businessNeedIds: idList(30),
    trl: z.coerce
      .number({ invalid_type_error: "offers.validation.trl", required_error: "offers.validation.trl" })
      .int("offers.validation.trl")
      .min(1, "offers.validation.trl")
      .max(9, "offers.validation.trl"),
    deploymentModel: z.enum(deploymentModels, { errorMap: () => ({ message: "validation.requiredChoice" }) }),
    ipStatus: optionalText(300),
    packages: z.array(packageRow).max(MAX_PACKAGES, `offers.validation.tooManyRows|${MAX_PACKAGES}`),
    references: z.array(referenceRow).max(MAX_REFERENCES, `offers.validation.tooManyRows|${MAX_REFERENCES}`),
    contactName: optionalText(MAX_NAME),
    contactEmail: z.string().trim().max(MAX_EMAIL, tooLong(MAX_EMAIL)).email("validation.email").optional(),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{8,20}$/, "offers.validation.phone")
      .optional(),
    // Keys of current files the provider ticked for removal.
    removeMedia: z.array(z.string().max(64)).max(20),
  })
  .transform((value) => ({
    ...value,
    packages: value.packages
      .filter((row) => row.name)
      .map((row) => ({
        name: row.name!,
        unit: row.unit!,
        description: row.description || null,
        priceVnd:
          row.onRequest || !row.price ? null : (parseVnd(row.price) as Extract<ParsedPrice, { ok: true }>).value,
      })),
    references: value.references
      .filter((row) => row.customer)
      .map((row) => ({ customer: row.customer!, year: Number(row.year), result: row.result! })),
  }));

export type OfferFormInput = z.input<typeof offerSchema>;
export type OfferFormValue = z.output<typeof offerSchema>;

export const providerActionSchema = z.object({ intent: z.enum(["submit", "archive"]) });

const evidenceLevel = z.enum(evidenceLevels, { errorMap: () => ({ message: "validation.requiredChoice" }) });

export const reviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish"), evidenceLevel }),
  z.object({ intent: z.literal("request-changes"), reason: requiredText(2000) }),
  z.object({ intent: z.literal("approve-revision") }),
  z.object({ intent: z.literal("reject-revision"), reason: requiredText(2000) }),
  z.object({ intent: z.literal("set-evidence"), evidenceLevel }),
  z.object({ intent: z.literal("archive") }),
]);

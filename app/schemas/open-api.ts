// Query parameters of the public JSON API (/api/v1/...). One schema per
// endpoint family; the OpenAPI document and its unit test read the same
// schemas, so a parameter cannot be served without being documented.
import { z } from "zod";

export const API_MAX_PAGE = 1000;
export const API_MAX_PER_PAGE = 50;
export const API_DEFAULT_PER_PAGE = 20;
export const API_MAX_LIMIT = 50;
export const API_DEFAULT_LIMIT = 10;

// Clocks differ: an updatedSince a little ahead of ours is the caller's clock
// running fast, not a mistake; further ahead can only be a wrong value.
export const UPDATED_SINCE_SKEW_MS = 5 * 60 * 1000;

export const MAJOR_PROBLEM_STATUSES = ["OPEN", "IN_PROGRESS", "SOLVED", "WITHDRAWN"] as const;
export const PUBLIC_STATEMENT_STATUSES = ["PUBLISHED", "CLOSED"] as const;
export const ORGANISATION_KINDS = ["PROVIDER", "RESEARCH", "AGENCY", "INNOVATION_CENTRE"] as const;

// Digits only: z.coerce would read "1e3" as 1000 and " " as 0, which is not
// what a caller who typed them meant.
const wholeNumber = (message: string, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(1, message).max(max, message))
    .default(String(fallback));

const slug = z
  .string()
  .regex(/^[a-z0-9-]{1,100}$/, "openApi.validation.slug")
  .optional();
const language = z.enum(["vi", "en"], { errorMap: () => ({ message: "openApi.validation.language" }) }).default("vi");

const paging = {
  page: wholeNumber(`openApi.validation.page|${API_MAX_PAGE}`, API_MAX_PAGE, 1),
  perPage: wholeNumber(`openApi.validation.perPage|${API_MAX_PER_PAGE}`, API_MAX_PER_PAGE, API_DEFAULT_PER_PAGE),
};
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/** An ISO 8601 date-time with Z or an offset, as a real calendar date and time; null otherwise. */
export function parseIsoDateTime(value: string): Date | null {
  const parts = ISO_DATE_TIME.exec(value);
  if (!parts) return null;
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = parts
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  // Date would roll 2026-02-30 over to March 2 instead of refusing it.
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (
    month! < 1 ||
    month! > 12 ||
    day! < 1 ||
    day! > daysInMonth ||
    hour! > 23 ||
    minute! > 59 ||
    second! > 59 ||
    offsetHour! > 23 ||
    offsetMinute! > 59
  )
    return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Incremental sync: records whose public updatedAt is at or after this
// instant, oldest change first. `after` continues from the last record of a
// page (the `next` link carries both), so a change made while a client pages
// through moves that record to the end instead of shifting another one out.
const sync = {
  updatedSince: z
    .string()
    .transform((value, ctx) => {
      const date = parseIsoDateTime(value);
      if (!date) ctx.addIssue({ code: "custom", message: "openData.validation.updatedSinceFormat" });
      else if (date.getTime() > Date.now() + UPDATED_SINCE_SKEW_MS)
        ctx.addIssue({ code: "custom", message: "openData.validation.updatedSinceFuture" });
      return date ?? new Date(NaN);
    })
    .optional(),
  after: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "openData.validation.after")
    .optional(),
};

const limit = wholeNumber(`openApi.validation.limit|${API_MAX_LIMIT}`, API_MAX_LIMIT, API_DEFAULT_LIMIT);

export const majorProblemListQuery = z.object({
  ...paging,
  ...sync,
  list: slug,
  sector: slug,
  status: z.enum(MAJOR_PROBLEM_STATUSES, { errorMap: () => ({ message: "openApi.validation.status" }) }).optional(),
  lng: language,
});
export const majorProblemQuery = z.object({ list: slug, lng: language });
export const majorProblemMatchesQuery = z.object({ list: slug, limit, lng: language });

export const statementListQuery = z.object({
  ...paging,
  ...sync,
  sector: slug,
  status: z.enum(PUBLIC_STATEMENT_STATUSES, { errorMap: () => ({ message: "openApi.validation.status" }) }).optional(),
  lng: language,
});
export const offerListQuery = z.object({ ...paging, ...sync, sector: slug, technology: slug, lng: language });
export const organisationListQuery = z.object({
  ...paging,
  ...sync,
  kind: z.enum(ORGANISATION_KINDS, { errorMap: () => ({ message: "openData.validation.kind" }) }).optional(),
  lng: language,
});
export const approvedMatchListQuery = z.object({ ...paging, ...sync, lng: language });
export const detailQuery = z.object({ lng: language });
export const matchesQuery = z.object({ limit, lng: language });

export type ApiQuerySchema = z.AnyZodObject;
export type ParsedQuery<S extends ApiQuerySchema> =
  | { ok: true; query: z.infer<S> }
  | { ok: false; errors: { field: string; message: string }[] };

/**
 * Reads a query string strictly: unknown or repeated parameters are errors,
 * as are empty values of parameters that have no default, so a caller's typo
 * is reported instead of silently ignored.
 */
export function parseApiQuery<S extends ApiQuerySchema>(params: URLSearchParams, schema: S): ParsedQuery<S> {
  const known = new Set(Object.keys(schema.shape));
  const input: Record<string, string> = {};
  const errors: { field: string; message: string }[] = [];
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (!known.has(key)) errors.push({ field: key, message: `openApi.validation.unknownParameter|${key}` });
    else if (values.length > 1) errors.push({ field: key, message: "openApi.validation.repeated" });
    else input[key] = values[0]!;
  }
  const result = schema.safeParse(input);
  // `after` only means something as the continuation of an updatedSince walk.
  if (result.success && result.data.after && !result.data.updatedSince)
    errors.push({ field: "after", message: "openData.validation.afterWithoutSince" });
  if (!result.success) {
    for (const issue of result.error.issues)
      errors.push({ field: String(issue.path[0] ?? ""), message: issue.message });
  }
  if (errors.length || !result.success) return { ok: false, errors };
  return { ok: true, query: result.data };
}

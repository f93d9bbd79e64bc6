// The search state lives in the URL, so one schema reads it for the page,
// the JSON API and the search form.
import { z } from "zod";
import { SEARCH_DOC_TYPES, SORT_ORDERS, type FacetField } from "../../search/types.ts";
import { deploymentModels, evidenceLevels } from "./offer";

export const MAX_QUERY_LENGTH = 500;
export const MAX_PAGE = 1000;
export const MAX_PER_PAGE = 50;
export const DEFAULT_PER_PAGE = 20;

export const TRL_BANDS = ["1-3", "4-6", "7-9"] as const;
export const PRICE_BANDS = ["under-50m", "50m-500m", "500m-2b", "over-2b", "on-request"] as const;
export const ORGANISATION_KINDS = ["PROVIDER", "AGENCY", "RESEARCH", "INNOVATION_CENTRE"] as const;
export const LANGUAGES = ["vi", "en"] as const;

/** Facets a person can filter by (the type is chosen with tabs). */
export const FILTER_FIELDS = [
  "sector",
  "technology",
  "trlBand",
  "deployment",
  "priceBand",
  "evidenceLevel",
  "orgKind",
  "language",
] as const satisfies readonly FacetField[];
export type FilterField = (typeof FILTER_FIELDS)[number];

const slugValue = z.string().regex(/^[a-z0-9-]{1,64}$/, "search.validation.facetValue");
const many = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(20, "search.validation.tooManyValues").default([]);

export const searchParamsSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `search.validation.queryTooLong|${MAX_QUERY_LENGTH}`).default(""),
  type: z.enum(SEARCH_DOC_TYPES, { errorMap: () => ({ message: "search.validation.type" }) }).optional(),
  sort: z.enum(SORT_ORDERS, { errorMap: () => ({ message: "search.validation.sort" }) }).default("relevance"),
  page: z.coerce
    .number({ invalid_type_error: "search.validation.page" })
    .int("search.validation.page")
    .min(1, "search.validation.page")
    .max(MAX_PAGE, `search.validation.pageTooHigh|${MAX_PAGE}`)
    .default(1),
  perPage: z.coerce
    .number({ invalid_type_error: "search.validation.perPage" })
    .int("search.validation.perPage")
    .min(1, `search.validation.perPage`)
    .max(MAX_PER_PAGE, `search.validation.perPage`)
    .default(DEFAULT_PER_PAGE),
  sector: many(slugValue),
  technology: many(slugValue),
  trlBand: many(z.enum(TRL_BANDS, { errorMap: () => ({ message: "search.validation.facetValue" }) })),
  deployment: many(z.enum(deploymentModels, { errorMap: () => ({ message: "search.validation.facetValue" }) })),
  priceBand: many(z.enum(PRICE_BANDS, { errorMap: () => ({ message: "search.validation.facetValue" }) })),
  evidenceLevel: many(z.enum(evidenceLevels, { errorMap: () => ({ message: "search.validation.facetValue" }) })),
  orgKind: many(z.enum(ORGANISATION_KINDS, { errorMap: () => ({ message: "search.validation.facetValue" }) })),
  language: many(z.enum(LANGUAGES, { errorMap: () => ({ message: "search.validation.facetValue" }) })),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

// `lng` picks the language of messages (see i18next.server.ts).
const KNOWN_PARAMETERS = new Set<string>(["q", "type", "sort", "page", "perPage", "lng", ...FILTER_FIELDS]);

/** URLSearchParams → plain object, repeated filter keys as arrays. */
export function searchParamsInput(params: URLSearchParams) {
  const input: Record<string, string | string[]> = {};
  const unknown: string[] = [];
  for (const key of new Set(params.keys())) {
    if (!KNOWN_PARAMETERS.has(key)) {
      unknown.push(key);
      continue;
    }
    const values = params.getAll(key).filter((value) => value !== "");
    if (values.length === 0) continue;
    input[key] = (FILTER_FIELDS as readonly string[]).includes(key) ? values : values[0]!;
  }
  return { input, unknown };
}

/** The URL query for a search state, leaving out defaults so links stay short. */
export function searchQueryString(params: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.type) query.set("type", params.type);
  for (const field of FILTER_FIELDS) for (const value of params[field] ?? []) query.append(field, value);
  if (params.sort && params.sort !== "relevance") query.set("sort", params.sort);
  if (params.perPage && params.perPage !== DEFAULT_PER_PAGE) query.set("perPage", String(params.perPage));
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

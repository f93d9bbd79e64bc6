// One person's search request: parse the query string, decide what they may
// see, run it and shape the answer for the page and the JSON API. The engine is
// the search library in search/, reached through ~/search-service.server.
import { db } from "~/db.server";
import { searchEngine } from "~/search-service.server";
import { FILTER_FIELDS, searchParamsInput, searchParamsSchema, type SearchParams } from "~/schemas/search";
import { documentId, publishedMajorProblems } from "~/models/search-index.server";
import { logger } from "~/utils/logger.server";
import { highlight, toMarkedHtml } from "../../search/highlight.ts";
import {
  FACET_FIELDS,
  type FacetFilters,
  type HighlightSegment,
  type SearchDocType,
  type SearchResult,
  type Suggestion,
} from "../../search/types.ts";

export type ParsedSearch =
  | { ok: true; params: SearchParams; unknown: string[] }
  | { ok: false; errors: { field: string; message: string }[]; input: Record<string, string | string[]> };

export function parseSearch(url: URL): ParsedSearch {
  const { input, unknown } = searchParamsInput(url.searchParams);
  const result = searchParamsSchema.safeParse(input);
  if (result.success) return { ok: true, params: result.data, unknown };
  return {
    ok: false,
    input,
    errors: result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? "q"), message: issue.message })),
  };
}

/** Organisations whose unpublished listings this person may find. */
export async function visibleOrganisationIds(userId: string | null | undefined): Promise<string[]> {
  if (!userId) return [];
  const memberships = await db.membership.findMany({ where: { userId }, select: { organisationId: true } });
  return memberships.map((membership) => membership.organisationId);
}

export class SearchUnavailableError extends Error {
  constructor(cause: unknown) {
    super("search engine unavailable", { cause });
    this.name = "SearchUnavailableError";
  }
}

export async function runSearch(params: SearchParams, userId: string | null | undefined): Promise<SearchResult> {
  const filters: FacetFilters = {};
  for (const field of FILTER_FIELDS) if (params[field].length) filters[field] = params[field];
  if (params.type) filters.type = [params.type];
  try {
    const engine = await searchEngine();
    return await engine.search({
      q: params.q,
      filters,
      visibility: { organisationIds: await visibleOrganisationIds(userId) },
      sort: params.sort,
      page: params.page,
      perPage: params.perPage,
      facets: FACET_FIELDS,
    });
  } catch (error) {
    logger.error({ err: error }, "search failed");
    throw new SearchUnavailableError(error);
  }
}

export async function runSuggest(q: string, types?: SearchDocType[]): Promise<Suggestion[]> {
  try {
    const engine = await searchEngine();
    return await engine.suggest({ q: q.slice(0, 100), types, limit: 8 });
  } catch (error) {
    logger.error({ err: error }, "suggest failed");
    throw new SearchUnavailableError(error);
  }
}

export function publicPath(type: SearchDocType, slug: string): string {
  if (type === "offer") return `/offers/${slug}`;
  if (type === "problem") return `/problems/${slug}`;
  return `/major-problems/${slug}`;
}

/** The public JSON API's shape: published fields only, no scores or org ids. */
export function toApiResult(result: SearchResult) {
  return {
    total: result.total,
    page: result.page,
    perPage: result.perPage,
    didYouMean: result.didYouMean,
    hits: result.hits.map((hit) => ({
      id: hit.entityId,
      type: hit.type,
      slug: hit.slug,
      url: publicPath(hit.type, hit.slug),
      title: hit.title,
      organisation: hit.organisationName,
      highlight: { title: toMarkedHtml(hit.highlight.title), snippet: toMarkedHtml(hit.highlight.snippet) },
    })),
    facets: result.facets,
  };
}

/**
 * English titles for the hits that have one (offers, and major problems as
 * their list was last published), for English readers. Index documents keep
 * the Vietnamese title, which the engines highlight.
 */
export async function englishTitles(result: SearchResult): Promise<Map<string, HighlightSegment[]>> {
  const idsOf = (type: SearchDocType) => result.hits.filter((hit) => hit.type === type).map((hit) => hit.entityId);
  const [offers, majorProblems] = await Promise.all([
    idsOf("offer").length
      ? db.offer.findMany({ where: { id: { in: idsOf("offer") } }, select: { id: true, titleEn: true } })
      : [],
    publishedMajorProblems(idsOf("major-problem")),
  ]);
  const titles = new Map<string, HighlightSegment[]>();
  // Marked where the query's words, or their synonyms, matched.
  const add = (id: string, title: string | null) => {
    if (title) titles.set(id, highlight(title, result.matchedTerms));
  };
  for (const offer of offers) add(documentId("offer", offer.id), offer.titleEn);
  for (const problem of majorProblems) add(documentId("major-problem", problem.id), problem.item.titleEn);
  return titles;
}

/** Taxonomy labels for the sector and technology facets. */
export async function facetTermLabels() {
  const terms = await db.taxonomyTerm.findMany({
    where: { kind: { in: ["SECTOR", "TECHNOLOGY"] } },
    select: { kind: true, slug: true, nameVi: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { nameVi: "asc" }],
  });
  return terms;
}

// The search page's view of one answer, worked out in the loader in the
// page's language: result rows, type tabs, filter groups with their labels,
// the chosen filters and the links that keep the query's state. The page
// only receives what it shows.
import type { TFunction } from "i18next";
import type { FacetGroup, SelectedFilter } from "~/components/search/filters";
import type { HitView, Tab } from "~/components/search/results";
import { publicPath } from "~/models/search-request.server";
import { deploymentModels, evidenceLevels } from "~/schemas/offer";
import {
  FILTER_FIELDS,
  LANGUAGES,
  MAX_PAGE,
  ORGANISATION_KINDS,
  PRICE_BANDS,
  TRL_BANDS,
  searchQueryString,
  type FilterField,
  type SearchParams,
} from "~/schemas/search";
import { SEARCH_DOC_TYPES, type FacetCounts, type HighlightSegment, type SearchResult } from "../../search/types.ts";

export type Labels = { terms: Map<string, string>; t: TFunction };

// Filter labels are worked out here, in the page's language, so the page
// only receives the options it shows.
function optionLabel(field: FilterField, value: string, { terms, t }: Labels): string {
  switch (field) {
    case "sector":
    case "technology":
      return terms.get(`${field}:${value}`) ?? value;
    case "trlBand":
      return t(`search.trlBands.${value as (typeof TRL_BANDS)[number]}`);
    case "deployment":
      return t(`offers.deploymentModels.${value as (typeof deploymentModels)[number]}`);
    case "priceBand":
      return t(`search.priceBands.${value as (typeof PRICE_BANDS)[number]}`);
    case "evidenceLevel":
      return t(`offers.evidenceLevels.${value as (typeof evidenceLevels)[number]}`);
    case "orgKind":
      return t(`organisationKinds.${value as (typeof ORGANISATION_KINDS)[number]}`);
    case "language":
      return t(`search.languages.${value as (typeof LANGUAGES)[number]}`);
  }
}

function facetGroups(params: SearchParams, facets: FacetCounts, termOrder: string[], labels: Labels): FacetGroup[] {
  const known: Record<FilterField, readonly string[]> = {
    sector: termOrder.filter((key) => key.startsWith("sector:")).map((key) => key.slice("sector:".length)),
    technology: termOrder.filter((key) => key.startsWith("technology:")).map((key) => key.slice("technology:".length)),
    trlBand: TRL_BANDS,
    deployment: deploymentModels,
    priceBand: PRICE_BANDS,
    evidenceLevel: evidenceLevels,
    orgKind: ORGANISATION_KINDS,
    language: LANGUAGES,
  };
  return FILTER_FIELDS.map((field) => {
    const counts = facets[field] ?? {};
    const selected = new Set<string>(params[field]);
    const values = [...new Set([...known[field], ...Object.keys(counts), ...selected])];
    const options = values
      .filter((value) => (counts[value] ?? 0) > 0 || selected.has(value))
      .map((value) => ({
        value,
        label: optionLabel(field, value, labels),
        count: counts[value] ?? 0,
        selected: selected.has(value),
      }));
    return { field, options };
  }).filter((group) => group.options.length > 0);
}

export function searchView(
  params: SearchParams,
  result: SearchResult,
  labels: Labels,
  termOrder: string[],
  logos: Map<string, string>,
  englishTitles: Map<string, HighlightSegment[]>,
) {
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(result.total / params.perPage)));
  const at = (changes: Partial<SearchParams>) => `/search${searchQueryString({ ...params, page: 1, ...changes })}`;
  const typeCounts = result.facets.type ?? {};
  const tabs: Tab[] = [null, ...SEARCH_DOC_TYPES].map((type) => ({
    type,
    count: type ? typeCounts[type] ?? 0 : SEARCH_DOC_TYPES.reduce((sum, each) => sum + (typeCounts[each] ?? 0), 0),
    url: at({ type: type ?? undefined }),
    current: (params.type ?? null) === type,
  }));
  const selected: SelectedFilter[] = FILTER_FIELDS.flatMap((field) =>
    params[field].map((value) => ({
      field,
      label: optionLabel(field, value, labels),
      removeUrl: at({ [field]: params[field].filter((other) => other !== value) }),
    })),
  );
  const hits: HitView[] = result.hits.map((hit) => ({
    id: hit.id,
    type: hit.type,
    url: publicPath(hit.type, hit.slug),
    // English readers get the English title where staff or the provider gave one,
    // marked where the query's words (or their synonyms) matched it.
    title: englishTitles.get(hit.id) ?? hit.highlight.title,
    snippet: hit.highlight.snippet,
    organisationName: hit.organisationName,
    published: hit.published,
    logo: hit.type === "offer" ? logos.get(hit.entityId) ?? null : null,
  }));
  return {
    total: result.total,
    hits,
    tabs,
    groups: facetGroups(params, result.facets, termOrder, labels),
    selected,
    clearUrl: at(Object.fromEntries(FILTER_FIELDS.map((field) => [field, []]))),
    didYouMean: result.didYouMean ? { text: result.didYouMean, url: at({ q: result.didYouMean }) } : null,
    pagination: {
      page: params.page,
      pages,
      previous: params.page > 1 && params.page <= pages ? at({ page: params.page - 1 }) : null,
      next: params.page < pages ? at({ page: params.page + 1 }) : null,
    },
    lastPageUrl: at({ page: pages }),
    errors: params.page > pages ? [{ field: "page", message: `search.validation.pageBeyond|${pages}` }] : [],
  };
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { FilterPanel, SelectedFilters } from "~/components/search/filters";
import { EmptyState, Pagination, ResultList, SearchErrorSummary, TypeTabs } from "~/components/search/results";
import { SearchBox } from "~/components/search/search-box";
import { FeaturedOffers } from "~/components/featured-offers";
import { featuredOffers } from "~/models/service-purchase.server";
import { offerLogos } from "~/models/offer-views.server";
import { i18next } from "~/i18n/i18next.server";
import {
  englishTitles,
  facetTermLabels,
  parseSearch,
  runSearch,
  SearchUnavailableError,
} from "~/models/search-request.server";
import { searchView, type Labels } from "~/utils/search-view.server";
import { FILTER_FIELDS, MAX_QUERY_LENGTH } from "~/schemas/search";
import searchStyles from "~/styles/search.css";
import { getOptionalUser } from "~/utils/permissions.server";
import { SORT_ORDERS, type HighlightSegment, type SearchResult } from "../../../search/types.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.meta.title }, { name: "description", content: data.meta.description }] : [];

const FORM_ID = "search-form";
const QUERY_ID = "search-q";
// Where each field's error summary link points.
const FIELD_IDS: Record<string, string> = { q: QUERY_ID, sort: "search-sort", page: "search-results" };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const [t, user] = await Promise.all([i18next.getFixedT(request), getOptionalUser(request)]);
  const typed = url.searchParams.get("q") ?? "";
  const title = typed.trim()
    ? t("search.metaTitleQuery", { q: typed.trim().slice(0, 80) })
    : t("search.metaTitle", { title: t("search.title") });
  const meta = { title, description: t("search.metaDescription") };
  const parsed = parseSearch(url);
  if (!parsed.ok) return json({ state: "invalid" as const, q: typed, errors: parsed.errors, meta }, { status: 400 });
  const { params } = parsed;
  let result: SearchResult;
  try {
    result = await runSearch(params, user?.id);
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return json({ state: "unavailable" as const, q: typed, meta }, { status: 503, headers: { "Retry-After": "60" } });
  }
  const language = await i18next.getLocale(request);
  const terms = await facetTermLabels();
  const termKey = (term: (typeof terms)[number]) => `${term.kind === "SECTOR" ? "sector" : "technology"}:${term.slug}`;
  const labels: Labels = {
    t,
    terms: new Map(terms.map((term) => [termKey(term), language === "en" ? term.nameEn : term.nameVi])),
  };
  const [logos, titlesEn] = await Promise.all([
    offerLogos(result.hits.filter((hit) => hit.type === "offer").map((hit) => hit.entityId)),
    language === "en" ? englishTitles(result) : new Map<string, HighlightSegment[]>(),
  ]);
  const page = searchView(params, result, labels, terms.map(termKey), logos, titlesEn);
  // Browsing offers (what /offers shows): paid featured placements come first.
  const browsing =
    !params.q &&
    params.page === 1 &&
    (!params.type || params.type === "offer") &&
    FILTER_FIELDS.every((field) => params[field].length === 0);
  const featured = browsing ? await featuredOffers(5) : [];
  return json(
    {
      state: "ok" as const,
      q: params.q,
      type: params.type ?? null,
      sort: params.sort,
      ...page,
      featured,
      meta,
      signedIn: Boolean(user),
    },
    // Signed-in members see their drafts here, so the page must never be shared by a cache.
    { status: page.errors.length ? 400 : 200, headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  const errors = data.state === "ok" ? data.errors : data.state === "invalid" ? data.errors : [];
  const queryInvalid = errors.some((error) => error.field === "q");
  return (
    <div className="search-page">
      <h1>{data.state === "unavailable" ? t("search.unavailableTitle") : t("search.title")}</h1>
      <SearchErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <Form method="get" action="/search" id={FORM_ID} role="search" className="search-form">
        {/* Keyed by the URL so the box shows the query of the page it is on (after "did you mean", back, a link). */}
        <SearchBox
          key={location.search}
          id={QUERY_ID}
          label={t("search.queryLabel")}
          hint={t("search.queryHint")}
          defaultValue={data.q}
          maxLength={queryInvalid ? undefined : MAX_QUERY_LENGTH}
          invalid={queryInvalid}
          buttonLabel={t("search.submit")}
        />
        {data.state === "ok" && data.type ? <input type="hidden" name="type" value={data.type} /> : null}
      </Form>
      {data.state === "unavailable" ? <p className="notice notice-error">{t("search.unavailable")}</p> : null}
      {data.state === "ok" && data.signedIn ? <SaveSearch query={location.search} /> : null}
      {data.state === "ok" ? <Results data={data} key={location.search} /> : null}
    </div>
  );
}

// Posts the current query string to the alerts page, which saves it.
function SaveSearch({ query }: { query: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/account/alerts" className="search-save">
      <input type="hidden" name="intent" value="save-search" />
      <input type="hidden" name="query" value={query} />
      <button type="submit" className="button button-secondary button-small" aria-describedby="search-save-hint">
        {t("alerts.saveSearch")}
      </button>
      <span className="hint" id="search-save-hint">
        {" "}
        {t("alerts.saveSearchHint")}
      </span>
    </Form>
  );
}

type OkData = Extract<SerializeFrom<typeof loader>, { state: "ok" }>;

// What the list below shows, in one line: "8 giải pháp cho “hóa đơn điện tử”".
// The number is the total for the chosen tab (all types, or one type), the
// same figure the JSON API gives a guest for the same query and filters.
function resultSummary(t: TFunction, total: number, type: OkData["type"], q: string): string {
  const results = type ? t(`search.typeCount.${type}`, { count: total }) : t("search.resultCount", { count: total });
  const shown = q.trim();
  if (!shown) return results;
  return t("search.resultsFor", { results, q: shown.length > 80 ? `${shown.slice(0, 80)}…` : shown });
}

// Results first: the one-line summary, then the list; on a phone the filters
// wait behind one "Lọc" control (a <details>, so it works without JavaScript),
// on a wide screen they sit beside the list.
function Results({ data }: { data: OkData }) {
  const { t } = useTranslation();
  const beyond = data.pagination.page > data.pagination.pages;
  return (
    <>
      <TypeTabs tabs={data.tabs} />
      <h2 id="search-count" className="search-count-heading">
        {resultSummary(t, data.total, data.type, data.q)}
      </h2>
      <div className="search-layout">
        {data.groups.length ? (
          <aside className="search-aside" aria-label={t("search.filtersTitle")}>
            <FilterPanel groups={data.groups} formId={FORM_ID} activeCount={data.selected.length} />
          </aside>
        ) : null}
        <section className="search-main" id="search-results" aria-labelledby="search-count" tabIndex={-1}>
          <div className="search-sort">
            <label htmlFor="search-sort">{t("search.sortLabel")}</label>
            <select id="search-sort" name="sort" defaultValue={data.sort} form={FORM_ID}>
              {SORT_ORDERS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`search.sorts.${sort}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button-secondary button-small" form={FORM_ID}>
              {t("search.sortSubmit")}
            </button>
          </div>
          <SelectedFilters selected={data.selected} clearUrl={data.clearUrl} />
          {data.didYouMean ? (
            <p className="search-did-you-mean">
              {t("search.didYouMean")} <Link to={data.didYouMean.url}>{data.didYouMean.text}</Link>
            </p>
          ) : null}
          {beyond ? (
            <p>
              <Link to={data.lastPageUrl}>{t("search.lastPage")}</Link>
            </p>
          ) : null}
          <FeaturedOffers offers={data.featured} />
          {data.hits.length ? (
            <ResultList hits={data.hits} />
          ) : beyond ? null : (
            <EmptyState hasFilters={data.selected.length > 0} />
          )}
          <Pagination links={data.pagination} />
        </section>
      </div>
    </>
  );
}

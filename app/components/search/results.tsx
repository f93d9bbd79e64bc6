import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translateError } from "~/components/form";
import type { HighlightSegment, SearchDocType } from "../../../search/types.ts";
import { Highlighted } from "./highlighted";

export type Tab = { type: SearchDocType | null; count: number; url: string; current: boolean };
export type HitView = {
  id: string;
  type: SearchDocType;
  url: string;
  title: HighlightSegment[];
  snippet: HighlightSegment[];
  organisationName: string | null;
  published: boolean;
  /** Stored name of the offer's logo, served at /files/<name>. */
  logo: string | null;
};
export type PageLinks = { page: number; pages: number; previous: string | null; next: string | null };

// GOV.UK error summary: messages are i18n keys; a field's message links to it.
export function SearchErrorSummary({
  errors,
  fieldIds,
}: {
  errors: { field: string; message: string }[];
  fieldIds: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  const unique = [...new Map(errors.map((error) => [translateError(t, error.message), error.field])).entries()];
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t("search.errorSummaryTitle")}</h2>
      <ul>
        {unique.map(([message, field]) => (
          <li key={message}>{fieldIds[field] ? <a href={`#${fieldIds[field]}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}

export function TypeTabs({ tabs }: { tabs: Tab[] }) {
  const { t } = useTranslation();
  return (
    <nav className="search-tabs" aria-label={t("search.tabsLabel")}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.type ?? "all"}>
            <Link to={tab.url} aria-current={tab.current ? "page" : undefined}>
              {tab.type ? t(`search.types.${tab.type}`) : t("search.tabAll")}{" "}
              <span className="search-count">{`(${tab.count})`}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ResultList({ hits }: { hits: HitView[] }) {
  const { t } = useTranslation();
  return (
    <ol className="search-results">
      {hits.map((hit) => (
        <li key={hit.id} className="search-result">
          {/* Decorative beside the title link that names the offer (alt=""), so a
              screen reader does not read the name twice. Fixed size: no layout shift. */}
          {hit.logo ? (
            <img
              className="search-result-logo"
              src={`/files/${hit.logo}`}
              alt=""
              width={64}
              height={64}
              loading="lazy"
            />
          ) : null}
          <p className="search-result-type">
            {t(`search.types.${hit.type}`)}
            {hit.published ? null : (
              <>
                {" "}
                <strong className="tag tag-red search-unpublished">{t("search.unpublished")}</strong>
                <span className="hint"> — {t("search.unpublishedHint")}</span>
              </>
            )}
          </p>
          <h3 className="search-result-title">
            <Link to={hit.url}>
              <Highlighted segments={hit.title} />
            </Link>
          </h3>
          {hit.organisationName ? <p className="search-result-org">{hit.organisationName}</p> : null}
          {hit.snippet.length ? (
            <p className="search-result-snippet">
              <Highlighted segments={hit.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function Pagination({ links }: { links: PageLinks }) {
  const { t } = useTranslation();
  if (links.pages <= 1) return null;
  return (
    <nav className="pagination search-pagination" aria-label={t("search.paginationLabel")}>
      {links.previous ? (
        <Link to={links.previous} rel="prev">
          {t("search.previous")}
        </Link>
      ) : null}
      <span>{t("search.page", { page: links.page, pages: links.pages })}</span>
      {links.next ? (
        <Link to={links.next} rel="next">
          {t("search.next")}
        </Link>
      ) : null}
    </nav>
  );
}

export function EmptyState({ hasFilters }: { hasFilters: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="search-empty">
      <h2>{t("search.emptyTitle")}</h2>
      <p>{t("search.emptyTips")}</p>
      <ul>
        <li>{t("search.tipSpelling")}</li>
        <li>{t("search.tipFewerWords")}</li>
        {hasFilters ? <li>{t("search.tipRemoveFilters")}</li> : null}
      </ul>
      <p>{t("search.browseTitle")}</p>
      <ul>
        <li>
          <Link to="/search?type=offer">{t("search.browseOffers")}</Link>
        </li>
        <li>
          <Link to="/problems">{t("search.browseProblems")}</Link>
        </li>
        <li>
          <Link to="/major-problems">{t("search.browseMajorProblems")}</Link>
        </li>
      </ul>
    </div>
  );
}

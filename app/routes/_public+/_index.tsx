import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeaturedOffers } from "~/components/featured-offers";
import type { Language } from "~/i18n/config";
import { homePage } from "~/models/opportunities.server";
import type { loader as rootLoader } from "~/root";
import opportunitiesCss from "~/styles/opportunities.css";
import searchCss from "~/styles/search.css";
import { formatDate, formatDateTime, formatNumber } from "~/utils/format";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: searchCss },
  { rel: "stylesheet", href: opportunitiesCss },
];

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("meta.homeTitle") }, { name: "description", content: t("meta.description") }];
};

// Public figures only, the same for everyone: who is signed in comes from
// the root loader, so this answer holds nothing personal.
export async function loader(_args: LoaderFunctionArgs) {
  return json({ ...(await homePage()), at: new Date().toISOString() });
}

export default function Home() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { statements, list, featured, week, organisations: counts, at } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {root?.user ? (
          <Link to="/orgs" className="button">
            {t("home.goToOrganisations")}
          </Link>
        ) : (
          <Link to="/signup" className="button">
            {t("home.getStarted")}
          </Link>
        )}
      </section>

      <section aria-labelledby="open-title">
        <h2 id="open-title">{t("opportunities.home.openTitle")}</h2>
        {statements.rows.length === 0 ? (
          <p>{t("opportunities.home.openNone")}</p>
        ) : (
          <>
            <p>{t("opportunities.home.openLead")}</p>
            <ol className="opportunity-list">
              {statements.rows.map((s) => (
                <li key={s.id}>
                  <h3>
                    <Link to={`/problems/${s.slug}`}>{s.title}</Link>
                  </h3>
                  <p className="opportunity-meta">{s.organisation.name}</p>
                  <p>
                    {s.proposalDeadline ? (
                      <>
                        {t("opportunities.home.closesOn", { date: formatDate(s.proposalDeadline, language) })}
                        {" — "}
                        <span className="days-left">
                          {s.daysLeft === 0
                            ? t("opportunities.home.closesToday")
                            : t("opportunities.home.daysLeft", { count: s.daysLeft ?? 0 })}
                        </span>
                      </>
                    ) : (
                      t("opportunities.home.noDeadline")
                    )}
                  </p>
                </li>
              ))}
            </ol>
            <p>
              <Link to="/problems">{t("opportunities.home.allOpen", { count: statements.total })}</Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("opportunities.home.listTitle")}</h2>
        {list ? (
          <>
            <p>{t("opportunities.home.listLead", { name: list.name, decision: list.decisionNumber })}</p>
            <p>
              <strong>{t("opportunities.home.openProblems", { count: list.open })}</strong>
            </p>
            {list.titles.length > 0 ? (
              <ul className="plain-list">
                {list.titles.map((item) => (
                  <li key={item.code}>
                    <Link to={`/major-problems/${list.slug}/${item.code}`}>{item.title}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              <Link to={`/major-problems/${list.slug}`}>{t("opportunities.home.listLink")}</Link>
            </p>
          </>
        ) : (
          <p>{t("opportunities.home.listNone")}</p>
        )}
      </section>

      <FeaturedOffers offers={featured} />

      <section aria-labelledby="week-title">
        <h2 id="week-title">{t("opportunities.home.weekTitle")}</h2>
        <ul className="stats week-stats">
          <li>
            <strong>{formatNumber(week.statements, language)}</strong> {t("opportunities.home.weekStatements")}
          </li>
          <li>
            <strong>{formatNumber(week.proposals, language)}</strong> {t("opportunities.home.weekProposals")}
          </li>
          <li>
            <strong>{formatNumber(week.matches, language)}</strong> {t("opportunities.home.weekMatches")}
          </li>
          <li>
            <strong>{formatNumber(week.offers, language)}</strong> {t("opportunities.home.weekOffers")}
          </li>
        </ul>
        <p>
          <Link to="/results">{t("opportunities.home.resultsLink")}</Link>
        </p>
      </section>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title">{t("home.statsTitle")}</h2>
        <ul className="stats">
          <li>
            <strong>{formatNumber(counts.providers, language)}</strong> {t("home.statProviders")}
          </li>
          <li>
            <strong>{formatNumber(counts.agencies, language)}</strong> {t("home.statAgencies")}
          </li>
          <li>
            <strong>{formatNumber(counts.verified, language)}</strong> {t("home.statVerified")}
          </li>
        </ul>
        <p className="hint">{t("home.statUpdated", { date: formatDateTime(at, language) })}</p>
      </section>

      <section aria-labelledby="audience-title">
        <h2 id="audience-title">{t("home.audienceTitle")}</h2>
        <div className="grid-3">
          <div className="card">
            <h3>{t("home.providersTitle")}</h3>
            <p>{t("home.providersText")}</p>
          </div>
          <div className="card">
            <h3>{t("home.agenciesTitle")}</h3>
            <p>{t("home.agenciesText")}</p>
          </div>
          <div className="card">
            <h3>{t("home.staffTitle")}</h3>
            <p>{t("home.staffText")}</p>
          </div>
        </div>
      </section>
    </>
  );
}

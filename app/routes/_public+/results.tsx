import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResultsChart } from "~/components/tracking/results-chart";
import type { Language } from "~/i18n/config";
import { publicResults } from "~/models/results.server";
import trackingCss from "~/styles/tracking.css";
import { formatNumber } from "~/utils/format";
import { TableRegion } from "~/components/table-region";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trackingCss }];

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  const title = withSiteName(t, t("tracking.results.metaTitle"));
  const description = t("meta.descriptions.results");
  return [
    { title },
    { name: "description", content: description },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
  ];
};

export async function loader() {
  // No shared cache: the page header carries the signed-in visitor's name.
  return json(await publicResults());
}

export default function Results() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { totals, lists } = useLoaderData<typeof loader>();
  const n = (value: number) => formatNumber(value, language);
  const figures = [
    { key: "problems", label: t("tracking.results.problems"), value: totals.problems },
    { key: "withApproved", label: t("tracking.results.withApproved"), value: totals.withApproved },
    { key: "piloted", label: t("tracking.results.inPilot"), value: totals.piloted },
    { key: "deployed", label: t("tracking.results.deployed"), value: totals.deployed },
    { key: "offers", label: t("tracking.results.offers"), value: totals.offers },
    { key: "organisations", label: t("tracking.results.organisations"), value: totals.organisations },
  ];
  return (
    <>
      <h1>{t("tracking.results.metaTitle")}</h1>
      <p className="lead">{t("tracking.results.lead")}</p>
      <h2>{t("tracking.results.headline")}</h2>
      <ul className="results-figures">
        {figures.map((f) => (
          <li key={f.key} data-figure={f.key}>
            <strong>{n(f.value)}</strong> {f.label}
          </li>
        ))}
      </ul>
      <h2>{t("tracking.results.perList")}</h2>
      {lists.length === 0 ? (
        <p>{t("tracking.results.noLists")}</p>
      ) : (
        lists.map((list) => {
          const bars = [
            { label: t("tracking.results.withApproved"), value: list.withApproved },
            { label: t("tracking.results.inPilot"), value: list.piloted },
            { label: t("tracking.results.deployed"), value: list.deployed },
          ];
          return (
            <section key={list.slug} aria-labelledby={`list-${list.slug}`}>
              <h3 id={`list-${list.slug}`}>
                <Link to={`/major-problems/${list.slug}`}>{list.name}</Link>
              </h3>
              <p className="hint">
                {t("tracking.results.listPeriod", {
                  start: list.periodStart,
                  end: list.periodEnd,
                  version: list.version,
                })}
              </p>
              <div className="results-list">
                <ResultsChart
                  bars={bars}
                  total={list.problems}
                  label={t("tracking.results.chartLabel", { list: list.name })}
                />
                <TableRegion label={t("tracking.results.tableCaption", { list: list.name })}>
                  <table className="tracking-table" data-list={list.slug}>
                    <caption>{t("tracking.results.tableCaption", { list: list.name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("tracking.results.measure")}</th>
                        <th scope="col">{t("tracking.results.count")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <th scope="row">{t("tracking.results.problems")}</th>
                        <td>{n(list.problems)}</td>
                      </tr>
                      {bars.map((bar) => (
                        <tr key={bar.label}>
                          <th scope="row">{bar.label}</th>
                          <td>{t("tracking.results.ofTotal", { value: n(bar.value), total: n(list.problems) })}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              </div>
            </section>
          );
        })
      )}
      <p className="hint">{t("tracking.results.definitions")}</p>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { countOrganisations } from "~/models/organisation.server";
import type { loader as rootLoader } from "~/root";
import { formatDateTime, formatNumber } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Sàn Giao dịch Công nghệ Hà Nội — Hanoi Tech Exchange" }];

export async function loader(_args: LoaderFunctionArgs) {
  return json({ counts: await countOrganisations(), at: new Date().toISOString() });
}

export default function Home() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { counts, at } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {root?.user ? (
          <Link to="/orgs" className="button">{t("home.goToOrganisations")}</Link>
        ) : (
          <Link to="/signup" className="button">{t("home.getStarted")}</Link>
        )}
      </section>
      <section aria-labelledby="stats-title">
        <h2 id="stats-title">{t("home.statsTitle")}</h2>
        <ul className="stats">
          <li><strong>{formatNumber(counts.providers, language)}</strong> {t("home.statProviders")}</li>
          <li><strong>{formatNumber(counts.agencies, language)}</strong> {t("home.statAgencies")}</li>
          <li><strong>{formatNumber(counts.verified, language)}</strong> {t("home.statVerified")}</li>
        </ul>
        <p className="hint">{t("home.statUpdated", { date: formatDateTime(at, language) })}</p>
      </section>
      <section aria-labelledby="audience-title">
        <h2 id="audience-title">{t("home.audienceTitle")}</h2>
        <div className="grid-3">
          <div className="card"><h3>{t("home.providersTitle")}</h3><p>{t("home.providersText")}</p></div>
          <div className="card"><h3>{t("home.agenciesTitle")}</h3><p>{t("home.agenciesText")}</p></div>
          <div className="card"><h3>{t("home.staffTitle")}</h3><p>{t("home.staffText")}</p></div>
        </div>
      </section>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { getPublicProfile } from "~/models/organisation.server";
import { JsonLd } from "~/components/json-ld";
import { formatDate } from "~/utils/format";
import { notFound } from "~/utils/permissions.server";
import { organisationJsonLd } from "~/utils/structured-data";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        { title: withSiteName(metaT(matches), data.organisation.name) },
        { name: "description", content: (data.organisation.description ?? data.organisation.name).slice(0, 160) },
      ]
    : [];

export async function loader({ params }: LoaderFunctionArgs) {
  const organisation = await getPublicProfile(params.slug ?? "");
  if (!organisation) throw notFound();
  return json({ organisation });
}

export default function OrganisationProfile() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <JsonLd data={organisationJsonLd(organisation)} />
      <h1>{organisation.name}</h1>
      <p>
        <span className={organisation.verifiedAt ? "tag tag-green" : "tag"}>
          {organisation.verifiedAt ? t("organisations.verified") : t("organisations.notVerified")}
        </span>{" "}
        {t(`organisationKinds.${organisation.kind}`)}
      </p>
      <dl className="summary-list">
        {organisation.description ? (
          <div>
            <dt>{t("organisations.description")}</dt>
            <dd className="prose">{organisation.description}</dd>
          </div>
        ) : null}
        {organisation.website ? (
          <div>
            <dt>{t("organisations.website")}</dt>
            <dd>
              <a href={organisation.website} rel="noopener noreferrer">
                {organisation.website}
              </a>
            </dd>
          </div>
        ) : null}
        {organisation.address ? (
          <div>
            <dt>{t("organisations.address")}</dt>
            <dd>{organisation.address}</dd>
          </div>
        ) : null}
      </dl>
      <p className="hint">{t("profiles.memberSince", { date: formatDate(organisation.createdAt, language) })}</p>

      {organisation.kind === "AGENCY" || organisation.kind === "INNOVATION_CENTRE" ? null : (
        <section aria-labelledby="offers-title">
          <h2 id="offers-title">{t("profiles.offersTitle")}</h2>
          {organisation.offers.length === 0 ? (
            <p>{t("profiles.offersNone")}</p>
          ) : (
            <ul className="card-list">
              {organisation.offers.map((offer) => (
                <li key={offer.slug} className="card">
                  {/* Decorative: the title link beside it names the offer. */}
                  {offer.media[0] ? (
                    <img
                      className="search-result-logo"
                      src={`/files/${offer.media[0].storedName}`}
                      alt=""
                      width={64}
                      height={64}
                      loading="lazy"
                    />
                  ) : null}
                  <h3>
                    <Link to={`/offers/${offer.slug}`}>{(language === "en" && offer.titleEn) || offer.titleVi}</Link>
                  </h3>
                  <p>{(language === "en" && offer.summaryEn) || offer.summaryVi}</p>
                  {offer.trl ? <p className="hint">{t("profiles.trl", { trl: offer.trl })}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {organisation.kind === "AGENCY" || organisation.kind === "INNOVATION_CENTRE" ? (
        <section aria-labelledby="statements-title">
          <h2 id="statements-title">{t("profiles.statementsTitle")}</h2>
          {organisation.problemStatements.length === 0 ? (
            <p>{t("profiles.statementsNone")}</p>
          ) : (
            <ul className="card-list">
              {organisation.problemStatements.map((statement) => (
                <li key={statement.slug} className="card">
                  <h3>
                    <Link to={`/problems/${statement.slug}`}>{statement.title}</Link>
                  </h3>
                  <p className="hint">
                    {statement.status === "CLOSED"
                      ? t("profiles.closed")
                      : statement.proposalDeadline
                      ? t("profiles.proposalDeadline", { date: formatDate(statement.proposalDeadline, language) })
                      : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}

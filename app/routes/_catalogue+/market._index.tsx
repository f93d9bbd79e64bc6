import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { listBusinessNeeds, listMarketOffers } from "~/models/market.server";
import { formatVnd } from "~/utils/format";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: withSiteName(t, t("market.title")) },
    { name: "description", content: t("meta.descriptions.market") },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const need = new URL(request.url).searchParams.get("need") ?? "";
  const needs = await listBusinessNeeds();
  const current = needs.find((n) => n.slug === need) ?? null;
  return json({ needs, current, offers: current ? await listMarketOffers(current.slug) : [] });
}

export default function Market() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { needs, current, offers } = useLoaderData<typeof loader>();
  const name = (term: { nameVi: string; nameEn: string }) => (language === "en" ? term.nameEn : term.nameVi);
  const price = (pkg: { priceVnd: number | null; unit: string }) =>
    pkg.priceVnd === null
      ? t("market.priceOnRequest")
      : t("market.perUnit", { price: formatVnd(pkg.priceVnd, language), unit: pkg.unit });
  return (
    <>
      <h1>{current ? `${t("market.title")}: ${name(current)}` : t("market.title")}</h1>
      <p className="lead">{t("market.lead")}</p>
      <nav aria-labelledby="needs-title">
        <h2 id="needs-title">{t("market.needsTitle")}</h2>
        <ul className="need-list">
          {needs.map((need) => (
            <li key={need.slug}>
              <Link to={`?need=${need.slug}`} aria-current={current?.slug === need.slug ? "page" : undefined}>
                {name(need)}
              </Link>{" "}
              <span className="hint">({t("market.offerCount", { count: need.offerCount })})</span>
            </li>
          ))}
        </ul>
      </nav>
      {!current ? (
        <p>{t("market.chooseNeed")}</p>
      ) : offers.length === 0 ? (
        <p>{t("market.noOffers")}</p>
      ) : (
        <Form method="get" action="/market/compare">
          <p className="hint">{t("market.compareHint")}</p>
          <ul className="card-list">
            {offers.map((offer) => {
              const title = (language === "en" && offer.titleEn) || offer.titleVi;
              return (
                <li key={offer.id} className="card">
                  <h3>
                    <Link to={`/offers/${offer.slug}`}>{title}</Link>
                  </h3>
                  <p>{(language === "en" && offer.summaryEn) || offer.summaryVi}</p>
                  <p className="hint">
                    {t("market.provider")}:{" "}
                    {offer.organisation.slug ? (
                      <Link to={`/organisations/${offer.organisation.slug}`}>{offer.organisation.name}</Link>
                    ) : (
                      offer.organisation.name
                    )}
                    {offer.organisation.verifiedAt ? (
                      <>
                        {" "}
                        <span className="tag tag-green">{t("organisations.verified")}</span>
                      </>
                    ) : null}
                    {" · "}
                    {t(`offers.evidenceLevels.${offer.evidenceLevel}`)}
                  </p>
                  <ul className="package-list">
                    {offer.packages.map((pkg) => (
                      <li key={pkg.id}>
                        <input type="checkbox" name="p" value={pkg.id} id={`p-${pkg.id}`} />
                        <label htmlFor={`p-${pkg.id}`}>
                          <span className="visually-hidden">
                            {t("market.compareThis", { name: pkg.name, offer: title })}:{" "}
                          </span>
                          <b aria-hidden="true">{pkg.name}</b> — {price(pkg)}
                        </label>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
          <button type="submit" className="button">
            {t("market.compareSubmit")}
          </button>
        </Form>
      )}
      <p className="hint">{t("market.buyingHow")}</p>
    </>
  );
}

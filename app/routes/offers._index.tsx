import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EvidenceBadge, localised } from "~/components/offer-view";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { CATALOGUE_PAGE_SIZE, catalogueTerms, listPublishedOffers } from "~/models/offer.server";
import { catalogueFilterSchema, deploymentModels, trlLevels } from "~/schemas/offer";
import offersStyles from "~/styles/offers.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: offersStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.meta.title }, { name: "description", content: data.meta.description }] : [];

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = catalogueFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, terms, t] = await Promise.all([listPublishedOffers(filter), catalogueTerms(), i18next.getFixedT(request)]);
  return json({
    ...result,
    filter,
    terms,
    pages: Math.max(1, Math.ceil(result.total / CATALOGUE_PAGE_SIZE)),
    meta: { title: t("offers.metaTitle", { title: t("offers.catalogueTitle") }), description: t("offers.catalogueLead") },
  });
}

export default function OfferCatalogue() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { offers, total, filter, terms, pages } = useLoaderData<typeof loader>();
  const name = (term: { nameVi: string; nameEn: string }) => (language === "en" ? term.nameEn : term.nameVi);
  const pageLink = (page: number) => {
    const entries = Object.entries({ ...filter, page }).filter(([, v]) => v !== undefined && v !== "");
    return `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}`;
  };
  const select = (id: string, label: string, value: string | number | undefined, options: { value: string; label: string }[]) => (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value ?? ""}>
        <option value="">{t("offers.filterAny")}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </>
  );
  return (
    <>
      <h1>{t("offers.catalogueTitle")}</h1>
      <p className="lead">{t("offers.catalogueLead")}</p>
      <Form method="get" className="filter-bar" role="search">
        <label htmlFor="q">{t("offers.filterQuery")}</label>
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} />
        {select("sector", t("offers.filterSector"), filter.sector, terms.filter((x) => x.kind === "SECTOR").map((x) => ({ value: x.slug, label: name(x) })))}
        {select("technology", t("offers.filterTechnology"), filter.technology, terms.filter((x) => x.kind === "TECHNOLOGY").map((x) => ({ value: x.slug, label: name(x) })))}
        {select("trlMin", t("offers.filterTrlMin"), filter.trlMin, trlLevels.map((n) => ({ value: String(n), label: t("offers.trlValue", { level: n }) })))}
        {select("deployment", t("offers.filterDeployment"), filter.deployment, deploymentModels.map((m) => ({ value: m, label: t(`offers.deploymentModels.${m}`) })))}
        <button type="submit" className="button button-secondary">{t("offers.applyFilter")}</button>
      </Form>
      <p role="status">{t("offers.resultCount", { count: total })}</p>
      {offers.length === 0 ? <p>{t("offers.noResults")}</p> : (
        <ul className="card-list">
          {offers.map((offer) => {
            const { title, summary } = localised(offer, language);
            return (
              <li key={offer.id} className="card offer-card">
                {offer.logo ? <img className="offer-card-logo" src={`/files/${offer.logo}`} alt="" width={56} height={56} /> : null}
                <div>
                  <h2><Link to={`/offers/${offer.slug}`}>{title}</Link></h2>
                  <p className="hint">{offer.organisation.name}{offer.sectors.length ? ` · ${offer.sectors.map(name).join(", ")}` : ""}</p>
                  <p>{summary}</p>
                  <p className="offer-badges">
                    <EvidenceBadge level={offer.evidenceLevel} />
                    {offer.trl ? <span className="tag">{t("offers.trlValue", { level: offer.trl })}</span> : null}
                    {offer.deploymentModel ? <span className="tag">{t(`offers.deploymentModels.${offer.deploymentModel}`)}</span> : null}
                    {offer.isStale ? <span className="tag tag-red">{t("offers.staleShort")}</span> : null}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("offers.page", { page: filter.page, pages })}>
          {filter.page > 1 ? <Link to={pageLink(filter.page - 1)}>{t("offers.previous")}</Link> : null}
          <span>{t("offers.page", { page: filter.page, pages })}</span>
          {filter.page < pages ? <Link to={pageLink(filter.page + 1)}>{t("offers.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

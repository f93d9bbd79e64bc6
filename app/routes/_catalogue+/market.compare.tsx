import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { MAX_COMPARE, packagesForComparison } from "~/models/market.server";
import { formatVnd } from "~/utils/format";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: withSiteName(t, `${t("market.compareTitle")} — ${t("market.title")}`) },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const ids = [...new Set(new URL(request.url).searchParams.getAll("p"))];
  const packages = await packagesForComparison(ids);
  return json({ packages, tooMany: ids.length > MAX_COMPARE }, { status: packages.length < 2 ? 400 : 200 });
}

export default function ComparePackages() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { packages, tooMany } = useLoaderData<typeof loader>();
  const rows: { label: string; cell: (p: (typeof packages)[number]) => React.ReactNode }[] = [
    {
      label: t("market.provider"),
      cell: (p) => (
        <>
          {p.offer.organisation.name}
          {p.offer.organisation.verifiedAt ? (
            <>
              {" "}
              <span className="tag tag-green">{t("organisations.verified")}</span>
            </>
          ) : null}
        </>
      ),
    },
    {
      label: t("market.price"),
      cell: (p) =>
        p.priceVnd === null
          ? t("market.priceOnRequest")
          : t("market.perUnit", { price: formatVnd(p.priceVnd, language), unit: p.unit }),
    },
    { label: t("market.description"), cell: (p) => p.description ?? "—" },
    {
      label: t("market.deployment"),
      cell: (p) =>
        p.offer.deploymentModel ? t(`offers.deploymentModels.${p.offer.deploymentModel}`) : t("market.notStated"),
    },
    { label: t("market.trl"), cell: (p) => p.offer.trl ?? t("market.notStated") },
    { label: t("market.evidence"), cell: (p) => t(`offers.evidenceLevels.${p.offer.evidenceLevel}`) },
    {
      label: t("market.viewOffer"),
      cell: (p) => (
        <Link to={`/offers/${p.offer.slug}`}>{(language === "en" && p.offer.titleEn) || p.offer.titleVi}</Link>
      ),
    },
  ];
  return (
    <>
      <p>
        <Link to="/market">{t("market.backToMarket")}</Link>
      </p>
      <h1>{t("market.compareTitle")}</h1>
      {tooMany ? (
        <div className="notice" role="status">
          {t("market.compareTooMany")}
        </div>
      ) : null}
      {packages.length < 2 ? (
        <div className="notice notice-error" role="alert">
          {t("market.compareTooFew")}
        </div>
      ) : (
        <TableRegion label={t("market.compareTitle")}>
          <table className="compare-table">
            <thead>
              <tr>
                <td />
                {packages.map((p) => (
                  <th scope="col" key={p.id}>
                    {p.name}
                    <span className="hint"> — {(language === "en" && p.offer.titleEn) || p.offer.titleVi}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {packages.map((p) => (
                    <td key={p.id}>{row.cell(p)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusTag, useBudgetText } from "~/components/statement-summary";
import type { Language } from "~/i18n/config";
import { listPublicStatements, sectorsInUse } from "~/models/problem-statement.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: withSiteName(t, t("statements.catalogueTitle")) },
    { name: "description", content: t("meta.descriptions.problems") },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const sector = new URL(request.url).searchParams.get("sector") || undefined;
  const [statements, sectors] = await Promise.all([listPublicStatements({ sector }), sectorsInUse()]);
  return json({ statements, sectors, sector: sector ?? "" });
}

export default function PublicProblems() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const budgetText = useBudgetText();
  const { statements, sectors, sector } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("statements.catalogueTitle")}</h1>
      <p className="lead">{t("statements.publicLead")}</p>
      {sectors.length > 0 ? (
        <Form method="get" className="filter-bar">
          <label htmlFor="sector">{t("statements.filterSector")}</label>
          <select id="sector" name="sector" defaultValue={sector}>
            <option value="">{t("statements.filterAny")}</option>
            {sectors.map((s) => (
              <option key={s.slug} value={s.slug}>
                {language === "en" ? s.nameEn : s.nameVi}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-secondary">
            {t("statements.applyFilter")}
          </button>
        </Form>
      ) : null}
      {statements.length === 0 ? (
        <p>{sector ? t("statements.noMatches") : t("statements.publicNone")}</p>
      ) : (
        <ul className="card-list">
          {statements.map((s) => (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/problems/${s.slug}`}>{s.title}</Link>
              </h2>
              <p>
                <StatusTag status={s.status} /> {s.organisation.name}
              </p>
              <dl className="summary-list">
                <div>
                  <dt>{t("statements.budget")}</dt>
                  <dd>{budgetText(s.budgetMinVnd, s.budgetMaxVnd)}</dd>
                </div>
                <div>
                  <dt>{t("statements.fields.proposalDeadline")}</dt>
                  <dd>{s.proposalDeadline ? formatDate(s.proposalDeadline, language) : t("statements.notStated")}</dd>
                </div>
                {s.majorProblem?.sector ? (
                  <div>
                    <dt>{t("statements.filterSector")}</dt>
                    <dd>{language === "en" ? s.majorProblem.sector.nameEn : s.majorProblem.sector.nameVi}</dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

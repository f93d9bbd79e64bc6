import type { MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VietnameseOnlyNote, usePick } from "~/components/bilingual";
import type { Language } from "~/i18n/config";
import { listPublishedLists } from "~/models/major-problem.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: withSiteName(t, t("majorProblems.publicTitle")) },
    { name: "description", content: t("meta.descriptions.majorProblems") },
  ];
};

export async function loader() {
  return json({ lists: await listPublishedLists() });
}

export default function MajorProblemLists() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { lists } = useLoaderData<typeof loader>();
  const pick = usePick();
  return (
    <>
      <h1>{t("majorProblems.publicTitle")}</h1>
      <p className="lead">{t("majorProblems.publicLead")}</p>
      {lists.length === 0 ? (
        <p>{t("majorProblems.noneYet")}</p>
      ) : (
        <ul className="card-list">
          {lists.map((list) => {
            const name = pick(list.name, list.nameEn);
            const summary = list.summary || list.summaryEn ? pick(list.summary ?? "", list.summaryEn) : null;
            return (
              <li key={list.id} className="card">
                <h2>
                  <Link to={`/major-problems/${list.slug}`} lang={name.lang}>
                    {name.text}
                  </Link>
                </h2>
                {summary?.text ? <p lang={summary.lang}>{summary.text}</p> : null}
                <VietnameseOnlyNote show={name.vietnameseOnly || Boolean(summary?.text && summary.vietnameseOnly)} />
                <p>
                  {t("majorProblems.decision", {
                    number: list.decisionNumber,
                    date: formatDate(list.decisionDate, language),
                  })}
                  {" · "}
                  {t("majorProblems.period", { start: list.periodStart, end: list.periodEnd })}
                </p>
                <p className="hint">
                  {t("majorProblems.versionPublished", {
                    number: list.latest.number,
                    date: formatDate(list.latest.publishedAt, language),
                  })}
                  {" · "}
                  {t("majorProblems.itemCount", { count: list.latest.itemCount })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

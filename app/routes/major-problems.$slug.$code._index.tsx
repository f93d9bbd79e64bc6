import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { PublicMatchList } from "~/components/curation/public-matches";
import { getPublishedProblem } from "~/models/major-problem.server";
import { approvedMatchesForPublic } from "~/models/match.server";
import { listPublicStatementsForMajorProblem } from "~/models/problem-statement.server";
import { isProposableMajorStatus } from "~/models/proposal.server";
import { getOptionalUser, notFound } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.item.code}: ${data.item.title} — Sàn Giao dịch Công nghệ Hà Nội` },
        { name: "description", content: data.item.description.slice(0, 160) },
      ]
    : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const problem = await getPublishedProblem(params.slug ?? "", params.code ?? "");
  if (!problem) throw notFound();
  return json({
    list: { name: problem.list.name, slug: problem.list.slug },
    version: problem.version.number,
    item: problem.item,
    statements: await listPublicStatementsForMajorProblem(problem.item.majorProblemId),
    matches: await approvedMatchesForPublic({ majorProblemId: problem.item.majorProblemId }),
    // Signed-in visitors get the way in; the propose page itself checks membership.
    canPropose: Boolean(await getOptionalUser(request)) && isProposableMajorStatus(problem.item.status),
  });
}

export default function MajorProblemPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { list, item, statements, canPropose, matches } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to={`/major-problems/${list.slug}`}>{t("majorProblems.inList", { list: list.name })}</Link></p>
      <h1>{item.title}</h1>
      <p>
        <span className={item.priority === "HIGH" ? "tag tag-red" : "tag"}>{t(`priorities.${item.priority}`)}</span>{" "}
        <span className="tag">{t(`majorProblemStatuses.${item.status}`)}</span>
      </p>
      <dl className="summary-list">
        <div><dt>{t("majorProblems.code")}</dt><dd>{item.code}</dd></div>
        <div><dt>{t("majorProblems.sector")}</dt><dd>{(language === "en" ? item.sectorNameEn : item.sectorNameVi) ?? t("majorProblems.noSector")}</dd></div>
        <div><dt>{t("majorProblems.leadAgency")}</dt><dd>{item.leadAgency}</dd></div>
        <div><dt>{t("majorProblems.description")}</dt><dd className="prose">{item.description}</dd></div>
      </dl>
      {canPropose ? (
        <p><Link to={`/major-problems/${list.slug}/${item.code}/propose`} className="button">{t("statements.proposals.majorProposeLink")}</Link></p>
      ) : null}
      <PublicMatchList data={matches} />
      <h2>{t("majorProblems.linkedStatementsTitle")}</h2>
      {statements.length === 0 ? <p>{t("majorProblems.linkedStatementsNone")}</p> : (
        <ul className="plain-list">
          {statements.map((s) => (
            <li key={s.slug}>
              <Link to={`/problems/${s.slug}`}>{s.title}</Link> — {s.organisation.name}{" "}
              <span className={s.status === "PUBLISHED" ? "tag tag-green" : "tag"}>{t(`statements.status.${s.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaLanguage, metaT, withSiteName } from "~/i18n/meta";
import { pickText } from "~/utils/bilingual";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VietnameseOnlyNote, usePick } from "~/components/bilingual";
import type { Language } from "~/i18n/config";
import { getPublishedVersion } from "~/models/major-problem.server";
import { priorities } from "~/schemas/major-problem";
import { MAX_VERSION, positiveIntParam } from "~/schemas/query";
import { formatDate } from "~/utils/format";
import { notFound } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const t = metaT(matches);
  const name = pickText(metaLanguage(matches), data.list.name, data.list.nameEn).text;
  return [
    { title: withSiteName(t, name) },
    { name: "description", content: t("meta.majorProblemListDescription", { name, version: data.version.number }) },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const requested = url.searchParams.get("version");
  // ?version= names a published version: anything that cannot be one (0, -1,
  // 1.5, abc, or more digits than any integer column holds) is a version that
  // does not exist, so 404, before it reaches a query.
  const number = requested === null || requested === "" ? undefined : positiveIntParam(requested, MAX_VERSION);
  if (number === null) throw notFound();
  const published = await getPublishedVersion(params.slug ?? "", number);
  if (!published) throw notFound();
  const sector = url.searchParams.get("sector") ?? "";
  const priority = url.searchParams.get("priority") ?? "";
  const sectors = [
    ...new Map(
      published.version.items
        .filter((i) => i.sectorSlug)
        .map((i) => [i.sectorSlug!, { slug: i.sectorSlug!, vi: i.sectorNameVi!, en: i.sectorNameEn! }]),
    ).values(),
  ];
  const items = published.version.items.filter(
    (item) => (!sector || item.sectorSlug === sector) && (!priority || item.priority === priority),
  );
  return json({ ...published, items, sectors, filter: { sector, priority } });
}

export default function MajorProblemList() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { list, version, isLatest, items, sectors, filter } = useLoaderData<typeof loader>();
  const pick = usePick();
  const name = pick(list.name, list.nameEn);
  const summary = list.summary || list.summaryEn ? pick(list.summary ?? "", list.summaryEn) : null;
  const sectorName = (item: { sectorNameVi: string | null; sectorNameEn: string | null }) =>
    (language === "en" ? item.sectorNameEn : item.sectorNameVi) ?? t("majorProblems.noSector");
  return (
    <>
      <h1 lang={name.lang}>{name.text}</h1>
      {summary?.text ? (
        <p className="lead" lang={summary.lang}>
          {summary.text}
        </p>
      ) : null}
      <VietnameseOnlyNote show={name.vietnameseOnly || Boolean(summary?.text && summary.vietnameseOnly)} />
      <p>
        {t("majorProblems.decision", { number: list.decisionNumber, date: formatDate(list.decisionDate, language) })}
        {" · "}
        {t("majorProblems.period", { start: list.periodStart, end: list.periodEnd })}
      </p>
      <p className="hint">
        {t("majorProblems.versionPublished", {
          number: version.number,
          date: formatDate(version.publishedAt, language),
        })}
      </p>
      {!isLatest ? (
        <div className="notice" role="status">
          {t("majorProblems.oldVersionNotice", { number: version.number })}{" "}
          <Link to={`/major-problems/${list.slug}`}>{t("majorProblems.viewLatest")}</Link>
        </div>
      ) : null}

      <Form method="get" className="filter-bar">
        {!isLatest ? <input type="hidden" name="version" value={version.number} /> : null}
        <label htmlFor="sector">{t("majorProblems.filterSector")}</label>
        <select id="sector" name="sector" defaultValue={filter.sector}>
          <option value="">{t("majorProblems.filterAny")}</option>
          {sectors.map((s) => (
            <option key={s.slug} value={s.slug}>
              {language === "en" ? s.en : s.vi}
            </option>
          ))}
        </select>
        <label htmlFor="priority">{t("majorProblems.filterPriority")}</label>
        <select id="priority" name="priority" defaultValue={filter.priority}>
          <option value="">{t("majorProblems.filterAny")}</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {t(`priorities.${p}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary">
          {t("majorProblems.applyFilter")}
        </button>
      </Form>
      <p>{t("majorProblems.itemCount", { count: items.length })}</p>
      {items.length === 0 ? (
        <p>{t("majorProblems.noMatches")}</p>
      ) : (
        <ol className="problem-list">
          {items.map((item) => {
            const title = pick(item.title, item.titleEn);
            return (
              <li key={item.code} className="card">
                <p className="hint">
                  {item.code} · {sectorName(item)}
                </p>
                <h2 lang={title.lang}>
                  {isLatest ? <Link to={`/major-problems/${list.slug}/${item.code}`}>{title.text}</Link> : title.text}
                </h2>
                <VietnameseOnlyNote show={title.vietnameseOnly} />
                <p>
                  <span className={item.priority === "HIGH" ? "tag tag-red" : "tag"}>
                    {t(`priorities.${item.priority}`)}
                  </span>{" "}
                  <span className="tag">{t(`majorProblemStatuses.${item.status}`)}</span>
                </p>
                <p>
                  {t("majorProblems.leadAgency")}: {item.leadAgency}
                </p>
              </li>
            );
          })}
        </ol>
      )}

      <h2>{t("majorProblems.historyTitle")}</h2>
      <ol className="plain-list" reversed>
        {list.versions.map((v) => (
          <li key={v.number}>
            <Link
              to={`/major-problems/${list.slug}?version=${v.number}`}
              aria-current={v.number === version.number ? "page" : undefined}
            >
              {t("majorProblems.versionPublished", { number: v.number, date: formatDate(v.publishedAt, language) })}
            </Link>
            <p className="prose">{v.changelog}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

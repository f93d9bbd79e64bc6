import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { deploymentStages, type DeploymentStageValue } from "~/schemas/curation";

export type PublicMatches = {
  matches: {
    id: string;
    stage: DeploymentStageValue | null;
    offer: {
      slug: string;
      titleVi: string;
      titleEn: string | null;
      organisation: { name: string; slug: string | null };
    };
  }[];
  summary: { approved: number; byStage: Partial<Record<DeploymentStageValue, number>> };
};

// Where a problem stands, e.g. "2 giải pháp đã được phê duyệt, 1 đang thí điểm".
export function matchSummary(
  t: (key: string, params?: Record<string, unknown>) => string,
  summary: PublicMatches["summary"],
): string {
  const parts: string[] = [t("curation.public.approved", { count: summary.approved })];
  for (const stage of deploymentStages) {
    const count = summary.byStage[stage];
    if (count) parts.push(t("curation.public.inStage", { count, stage: t(`curation.public.stageLower.${stage}`) }));
  }
  return parts.join(", ");
}

// Approved offers on a problem's public page, with how far each has got.
export function PublicMatchList({ data }: { data: PublicMatches }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="matches-title">
      <h2 id="matches-title">{t("curation.public.title")}</h2>
      {data.summary.approved === 0 ? (
        <p>{t("curation.public.none")}</p>
      ) : (
        <>
          <p className="lead">{matchSummary(i18n.t as unknown as Parameters<typeof matchSummary>[0], data.summary)}</p>
          <ul className="plain-list">
            {data.matches.map((m) => (
              <li key={m.id}>
                <Link to={`/offers/${m.offer.slug}`}>
                  {language === "en" && m.offer.titleEn ? m.offer.titleEn : m.offer.titleVi}
                </Link>
                {" — "}
                {m.offer.organisation.slug ? (
                  <Link to={`/organisations/${m.offer.organisation.slug}`}>{m.offer.organisation.name}</Link>
                ) : (
                  m.offer.organisation.name
                )}
                {m.stage ? (
                  <>
                    {" "}
                    <span className={m.stage === "DROPPED" ? "tag" : "tag tag-green"}>
                      {t(`curation.stage.${m.stage}`)}
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

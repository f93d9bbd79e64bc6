import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import type { Progress } from "~/models/problem-tracking.server";
import { formatDate } from "~/utils/format";
import { TableRegion } from "~/components/table-region";

// What the loader sends for one row (dates arrive as ISO strings).
export type TrackingRowView = {
  id: string;
  list: { id: string; name: string; slug: string };
  code: string;
  title: string;
  leadAgency: string;
  owner: { id: string; name: string } | null;
  deadline: string | null;
  daysLeft: number | null;
  overdue: boolean;
  offersLinked: number;
  approved: number;
  furthest: Progress | null;
  produced: { offerId: string; slug: string; titleVi: string; titleEn: string | null }[];
  publicCode: string | null;
};

function Deadline({ row }: { row: TrackingRowView }) {
  const { t, i18n } = useTranslation();
  if (!row.deadline || row.daysLeft === null) return <span className="hint">{t("tracking.noDeadline")}</span>;
  const when = formatDate(row.deadline, i18n.language as Language);
  const distance =
    row.daysLeft > 0
      ? t("tracking.daysLeft", { count: row.daysLeft })
      : row.daysLeft === 0
      ? t("tracking.dueToday")
      : t("tracking.daysLate", { count: -row.daysLeft });
  return (
    <>
      {row.overdue ? (
        <>
          <strong className="tag tag-red overdue-marker">{t("tracking.overdue")}</strong>
          <br />
        </>
      ) : null}
      {when}
      <br />
      <span className="hint">{distance}</span>
    </>
  );
}

function Result({ row }: { row: TrackingRowView }) {
  const { t, i18n } = useTranslation();
  const titles = row.produced.map((p) => (i18n.language === "en" && p.titleEn ? p.titleEn : p.titleVi));
  return (
    <>
      {row.furthest
        ? t("tracking.furthest", { stage: t(`tracking.progress.${row.furthest}`) })
        : t("tracking.noProgress")}
      <br />
      <span className="hint">
        {t("tracking.offersLinked", { count: row.offersLinked })}; {t("tracking.approved", { count: row.approved })}
      </span>
      {titles.length ? (
        <>
          <br />
          {t("tracking.produced", { titles: titles.join("; ") })}
        </>
      ) : null}
    </>
  );
}

// One "6 rõ" table: Ai – Làm gì – Đến khi nào – Kết quả (the problem is the
// row header, for screen readers reading across). Overdue rows are
// tinted and also say "Quá hạn" in words, so colour is never the only cue.
export function TrackingTable(props: {
  caption: string;
  captionHidden?: boolean;
  rows: TrackingRowView[];
  showLinks?: boolean;
}) {
  const { t } = useTranslation();
  const showLinks = props.showLinks ?? true;
  return (
    <TableRegion label={props.caption}>
      <table className="tracking-table">
        <caption className={props.captionHidden ? "visually-hidden" : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("tracking.col.who")}</th>
            <th scope="col">{t("tracking.col.what")}</th>
            <th scope="col">{t("tracking.col.when")}</th>
            <th scope="col">{t("tracking.col.result")}</th>
            {showLinks ? (
              <th scope="col" className="no-print">
                {t("tracking.col.links")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id} className={row.overdue ? "row-overdue" : undefined}>
              <td>
                {row.owner ? (
                  t("tracking.ownerName", { name: row.owner.name })
                ) : (
                  <span className="hint">{t("tracking.noOwner")}</span>
                )}
                <br />
                <span className="hint">{t("tracking.leadAgency", { agency: row.leadAgency })}</span>
              </td>
              <th scope="row">
                <span className="tracking-code">{row.code}</span> {row.title}
              </th>
              <td>
                <Deadline row={row} />
              </td>
              <td>
                <Result row={row} />
              </td>
              {showLinks ? (
                <td className="no-print">
                  <Link to={`/staff/matches/major/${row.id}`}>
                    {t("tracking.board")}
                    <span className="visually-hidden"> {row.code}</span>
                  </Link>
                  <br />
                  {row.publicCode ? (
                    <Link to={`/major-problems/${row.list.slug}/${row.publicCode}`}>
                      {t("tracking.publicPage")}
                      <span className="visually-hidden"> {row.code}</span>
                    </Link>
                  ) : (
                    <span className="hint">{t("tracking.notPublished")}</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

// Rows grouped by list, in the order they came.
export function groupByList(rows: TrackingRowView[]) {
  const groups = new Map<string, { list: TrackingRowView["list"]; rows: TrackingRowView[] }>();
  for (const row of rows) {
    const group = groups.get(row.list.id) ?? { list: row.list, rows: [] };
    group.rows.push(row);
    groups.set(row.list.id, group);
  }
  return [...groups.values()];
}

import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import type { planHistory } from "~/models/plan.server";
import { formatDate, formatVnd } from "~/utils/format";
import { TableRegion } from "~/components/table-region";

// One subscription as the plan page's loader sends it (dates as ISO strings).
export type PlanHistoryRow = SerializeFrom<Awaited<ReturnType<typeof planHistory>>[number]>;

// The organisation's subscriptions in the order the model returns them
// (newest first); an organisation that never subscribed gets a sentence, not
// an empty table.
export function PlanHistoryTable({ history }: { history: PlanHistoryRow[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (history.length === 0) return <p>{t("plans.page.noHistory")}</p>;
  return (
    <TableRegion label={t("plans.page.historyTitle")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("plans.page.plan")}</th>
            <th scope="col">{t("plans.page.interval")}</th>
            <th scope="col" className="numeric">
              {t("plans.page.amount")}
            </th>
            <th scope="col">{t("plans.page.status")}</th>
            <th scope="col">{t("plans.page.started")}</th>
            <th scope="col">{t("plans.page.periodEnd")}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((row) => (
            <tr key={row.id}>
              <td>{t(`plans.tiers.${row.tier}`)}</td>
              <td>{t(`plans.intervals.${row.interval}`)}</td>
              <td className="numeric">{formatVnd(row.amountVnd, language)}</td>
              <td>{t(`plans.statuses.${row.status}`)}</td>
              <td>{formatDate(row.createdAt, language)}</td>
              <td>{row.currentPeriodEnd ? formatDate(row.currentPeriodEnd, language) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

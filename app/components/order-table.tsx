import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { formatDate, formatVnd } from "~/utils/format";
import { TableRegion } from "~/components/table-region";

type Row = {
  id: string;
  number: string | null;
  status: string;
  offerTitle: string;
  packageName: string;
  amountVnd: number;
  createdAt: string;
  buyer: string;
  provider: string;
};

// One table for the buyer's, the provider's and staff's order lists; the
// column naming the other party is the one that differs.
export function OrderTable({ orders, party }: { orders: Row[]; party: "buyer" | "provider" | "both" }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (orders.length === 0) return <p>{t("payments.list.none")}</p>;
  return (
    <TableRegion
      label={t(
        party === "buyer"
          ? "payments.list.buyerTitle"
          : party === "provider"
          ? "payments.list.providerTitle"
          : "payments.ledger.recentTitle",
      )}
    >
      <table>
        <thead>
          <tr>
            <th scope="col">{t("payments.list.order")}</th>
            <th scope="col">{t("payments.list.offer")}</th>
            {party !== "provider" ? <th scope="col">{t("payments.list.provider")}</th> : null}
            {party !== "buyer" ? <th scope="col">{t("payments.list.buyer")}</th> : null}
            <th scope="col" className="numeric">
              {t("payments.list.amount")}
            </th>
            <th scope="col">{t("payments.list.status")}</th>
            <th scope="col">{t("payments.list.date")}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td>
                {/* The number the receipt, the emails and a phone call use; the
                    id only for orders made before numbers existed. */}
                <Link to={`/orders/${o.id}`}>{o.number ?? o.id}</Link>
              </td>
              <td>
                {o.offerTitle}
                <br />
                <span className="hint">{o.packageName}</span>
              </td>
              {party !== "provider" ? <td>{o.provider}</td> : null}
              {party !== "buyer" ? <td>{o.buyer}</td> : null}
              <td className="numeric">{formatVnd(o.amountVnd, language)}</td>
              <td>{t(`payments.statuses.${o.status as "PAID"}`)}</td>
              <td>{formatDate(o.createdAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

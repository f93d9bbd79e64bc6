// The receipt itself: what prints (issuer, parties, lines with VAT, the total
// in words, payment dates). The order page wraps it with the actions, which
// never print.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableRegion } from "~/components/table-region";
import type { Language } from "~/i18n/config";
import type { OrderStatus } from "~/db.server";
import { formatDate, formatDateTime, formatVnd } from "~/utils/format";

type Party = { name: string; taxCode: string | null; address: string | null };

export type ReceiptOrder = {
  number: string | null;
  createdAt: string;
  status: OrderStatus;
  sellerParty: Party;
  buyerParty: Party;
  offerSlug: string | null;
  offerTitle: string;
  packageName: string;
  packageUnit: string;
  quantity: number;
  unitPriceVnd: number;
  amountVnd: number;
  vatPercent: number;
  amountPaidVnd: number | null;
  paidAt: string | null;
  amountRefundedVnd: number;
  fulfilledAt: string | null;
  failureReason: string | null;
};

export function ReceiptDocument({
  order,
  totals,
  amountInWords,
}: {
  order: ReceiptOrder;
  totals: { preVatVnd: number; vatVnd: number };
  amountInWords: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const vnd = (amount: number) => formatVnd(amount, language);
  // Stored reasons start with a code ("checkout_unavailable: <provider's message>"); people read the code's sentence.
  const failureText = (reason: string) => {
    const code = reason.split(":")[0] as
      | "checkout_unavailable"
      | "checkout_expired"
      | "cancelled_by_buyer"
      | "checkout_not_started";
    return t(`payments.failureReasons.${code}`, { defaultValue: reason });
  };
  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <header className="receipt-head">
        <p className="receipt-issuer">{t("meta.siteName")}</p>
        <h1 id="receipt-title">{t("payments.receipt.title")}</h1>
        <p className="receipt-ref">
          {`${t("payments.receipt.number")}: `}
          <strong>{order.number}</strong>
          <br />
          {`${t("payments.receipt.date")}: ${formatDate(order.createdAt, language)}`}
          <br />
          {`${t("payments.list.status")}: `}
          <strong className="receipt-status">{t(`payments.statuses.${order.status}`)}</strong>
        </p>
      </header>
      <div className="receipt-parties">
        <PartyBlock title={t("payments.review.sellerTitle")} party={order.sellerParty} />
        <PartyBlock title={t("payments.review.buyerTitle")} party={order.buyerParty} />
      </div>
      <TableRegion label={t("payments.receipt.linesTitle")}>
        <table className="receipt-lines">
          <caption>{t("payments.receipt.linesTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("payments.receipt.lineNo")}</th>
              <th scope="col">{t("payments.receipt.lineItem")}</th>
              <th scope="col">{t("payments.review.unit")}</th>
              <th scope="col" className="num">
                {t("payments.receipt.quantity")}
              </th>
              <th scope="col" className="num">
                {t("payments.receipt.unitPrice")}
              </th>
              <th scope="col" className="num">
                {t("payments.receipt.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>1</td>
              <td>
                {order.offerSlug ? <Link to={`/offers/${order.offerSlug}`}>{order.offerTitle}</Link> : order.offerTitle}
                <br />
                {t("payments.receipt.packageLine", { name: order.packageName })}
              </td>
              <td>{order.packageUnit}</td>
              <td className="num">{order.quantity}</td>
              <td className="num">{vnd(order.unitPriceVnd)}</td>
              <td className="num">{vnd(order.amountVnd)}</td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {t("payments.review.preVat")}
              </th>
              <td className="num">{vnd(totals.preVatVnd)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={5}>
                {t("payments.review.vat", { percent: order.vatPercent })}
              </th>
              <td className="num">{vnd(totals.vatVnd)}</td>
            </tr>
            <tr className="receipt-total">
              <th scope="row" colSpan={5}>
                {t("payments.review.total")}
              </th>
              <td className="num">{vnd(order.amountVnd)}</td>
            </tr>
          </tfoot>
        </table>
      </TableRegion>
      <p className="receipt-words">
        {`${t("payments.receipt.inWords")}: `}
        <em>{amountInWords}</em>
      </p>
      <p className="hint">{`${t("payments.review.vatHint", {
        percent: order.vatPercent,
        divisor: 100 + order.vatPercent,
      })} ${t("payments.receipt.notInvoice")}`}</p>
      <dl className="summary-list receipt-payment">
        <dt>{t("payments.receipt.orderedAt")}</dt>
        <dd>{formatDateTime(order.createdAt, language)}</dd>
        {order.amountPaidVnd !== null ? (
          <>
            <dt>{t("payments.receipt.paid")}</dt>
            <dd>{vnd(order.amountPaidVnd)}</dd>
          </>
        ) : null}
        {order.paidAt ? (
          <>
            <dt>{t("payments.receipt.paidAt")}</dt>
            <dd>{formatDateTime(order.paidAt, language)}</dd>
          </>
        ) : null}
        {order.amountRefundedVnd > 0 ? (
          <>
            <dt>{t("payments.receipt.refunded")}</dt>
            <dd>{vnd(order.amountRefundedVnd)}</dd>
          </>
        ) : null}
        {order.fulfilledAt ? (
          <>
            <dt>{t("payments.receipt.fulfilledAt")}</dt>
            <dd>{formatDateTime(order.fulfilledAt, language)}</dd>
          </>
        ) : null}
        {order.status === "CANCELLED" && order.failureReason ? (
          <>
            <dt>{t("payments.receipt.failure")}</dt>
            <dd>{failureText(order.failureReason)}</dd>
          </>
        ) : null}
      </dl>
      <p className="hint no-print">{t("payments.receipt.printHint")}</p>
    </article>
  );
}

function PartyBlock({ title, party }: { title: string; party: Party }) {
  const { t } = useTranslation();
  return (
    <section className="receipt-party">
      <h2>{title}</h2>
      <p>
        <strong>{party.name}</strong>
      </p>
      <p>{`${t("payments.review.taxCode")}: ${party.taxCode ?? "—"}`}</p>
      <p>{`${t("payments.review.address")}: ${party.address ?? "—"}`}</p>
    </section>
  );
}

import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { formatDateTime, formatNumber } from "~/utils/format";
import { TableRegion } from "~/components/table-region";

// The mail queue for staff (issue 14 part 3), shown beside the search index
// health on /staff/search: waiting, retrying and given-up emails, the last
// error, and a button to send a given-up email again.

type Queue = {
  pending: number;
  failing: number;
  dead: number;
  sentLastDay: number;
  oldestPendingAt: string | null;
  lastError: string | null;
  recentDead: Array<{
    id: string;
    to: string;
    kind: string;
    attempts: number;
    lastError: string | null;
    createdAt: string;
  }>;
};

export function MailQueueSection({ queue }: { queue: Queue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const rows: Array<[string, string]> = [
    [t("notices.mailQueue.pending"), formatNumber(queue.pending, language)],
    [t("notices.mailQueue.failing"), formatNumber(queue.failing, language)],
    [t("notices.mailQueue.dead"), formatNumber(queue.dead, language)],
    [t("notices.mailQueue.sent24h"), formatNumber(queue.sentLastDay, language)],
    [
      t("notices.mailQueue.oldestPending"),
      queue.oldestPendingAt ? formatDateTime(queue.oldestPendingAt, language) : t("notices.mailQueue.none"),
    ],
    [t("notices.mailQueue.lastError"), queue.lastError ?? t("notices.mailQueue.none")],
  ];
  return (
    <section aria-labelledby="mail-queue-title">
      <h2 id="mail-queue-title">{t("notices.mailQueue.title")}</h2>
      {queue.dead > 0 || queue.failing > 0 ? (
        <div className="notice notice-error" role="alert">{`${t("notices.mailQueue.lastError")}: ${
          queue.lastError ?? ""
        }`}</div>
      ) : null}
      <dl className="summary-list" data-testid="mail-queue">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {queue.recentDead.length ? (
        <TableRegion label={t("notices.mailQueue.deadList")}>
          <table className="table" data-testid="mail-dead">
            <caption>{t("notices.mailQueue.deadList")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("notices.mailQueue.colTo")}</th>
                <th scope="col">{t("notices.mailQueue.colKind")}</th>
                <th scope="col">{t("notices.mailQueue.colAttempts")}</th>
                <th scope="col">{t("notices.mailQueue.colError")}</th>
                <th scope="col">{t("notices.mailQueue.colCreated")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("notices.mailQueue.retry")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.recentDead.map((mail) => (
                <tr key={mail.id}>
                  <td>{mail.to}</td>
                  <td>{mail.kind}</td>
                  <td>{formatNumber(mail.attempts, language)}</td>
                  <td>{mail.lastError ?? ""}</td>
                  <td>{formatDateTime(mail.createdAt, language)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="retry-mail" />
                      <input type="hidden" name="mailId" value={mail.id} />
                      <button type="submit" className="link-button">
                        {t("notices.mailQueue.retry")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </section>
  );
}

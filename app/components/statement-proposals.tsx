import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translateError } from "~/components/form";
import { MessagesLink } from "~/components/message-thread";
import type { Language } from "~/i18n/config";
import { declineReasons } from "~/schemas/problem-statement";
import { formatDate } from "~/utils/format";

type ProposalStatus = "RECEIVED" | "SHORTLISTED" | "DECLINED" | "SELECTED" | "WITHDRAWN";
type DeclineReason = (typeof declineReasons)[number];

export type ProposalRow = {
  id: string;
  pitch: string;
  status: ProposalStatus;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  createdAt: string;
  attachmentName: string | null;
  organisation: { name: string };
  offer: { titleVi: string; titleEn: string | null; trl: number | null };
};

export type DecisionError = { proposalId: string; message: string } | null;

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  const className =
    status === "SELECTED" || status === "SHORTLISTED" ? "tag tag-green" : status === "DECLINED" ? "tag tag-red" : "tag";
  return <span className={className}>{t(`statements.proposals.proposalStatus.${status}`)}</span>;
}

// What the agency and staff see: every proposal, with the moves it allows.
// attachmentBase is the target's page (a statement or a major problem).
// messageCounts: each proposal's private thread (issue 14 part 4), by proposal id.
export function StatementProposals(props: {
  proposals: ProposalRow[];
  attachmentBase: string;
  canDecide: boolean;
  error: DecisionError;
  messageCounts?: Record<string, { total: number; unread: number }>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (props.proposals.length === 0) return <p>{t("statements.proposals.none")}</p>;
  return (
    <ul className="card-list">
      {props.proposals.map((p) => {
        const offerTitle = language === "en" && p.offer.titleEn ? p.offer.titleEn : p.offer.titleVi;
        const open = p.status === "RECEIVED" || p.status === "SHORTLISTED";
        const error = props.error?.proposalId === p.id ? props.error.message : null;
        return (
          <li key={p.id} className="card" id={`proposal-${p.id}`}>
            <h3>{offerTitle}</h3>
            <p>
              <ProposalStatusTag status={p.status} /> {p.organisation.name}
              {p.offer.trl ? ` · TRL ${p.offer.trl}` : ""} ·{" "}
              {t("statements.proposals.receivedOn", { date: formatDate(p.createdAt, language) })}
            </p>
            <p className="prose">{p.pitch}</p>
            {p.attachmentName ? (
              <p>
                <a href={`${props.attachmentBase}/proposals/${p.id}/attachment`}>
                  {t("statements.proposals.download", { name: p.attachmentName })}
                </a>
              </p>
            ) : null}
            <p>
              <MessagesLink to={`/proposals/${p.id}/messages`} count={props.messageCounts?.[p.id]} />
            </p>
            {p.declineReason ? (
              <p>
                {t("statements.proposals.reason")}: {t(`statements.proposals.declineReasons.${p.declineReason}`)}
                {p.declineNote ? ` — ${p.declineNote}` : ""}
              </p>
            ) : null}
            {props.canDecide && open ? (
              <div className="proposal-actions">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="proposalId" value={p.id} />
                  {p.status === "RECEIVED" ? (
                    <button
                      type="submit"
                      name="status"
                      value="SHORTLISTED"
                      className="button button-secondary button-small"
                    >
                      {t("statements.proposals.shortlist")}
                    </button>
                  ) : (
                    <button type="submit" name="status" value="SELECTED" className="button button-small">
                      {t("statements.proposals.select")}
                    </button>
                  )}
                </Form>
                <Form method="post" className={error ? "field field-error" : "field"}>
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="proposalId" value={p.id} />
                  <input type="hidden" name="status" value="DECLINED" />
                  <label htmlFor={`reason-${p.id}`}>{t("statements.proposals.declineReason")}</label>
                  {error ? (
                    <p className="error-message" id={`reason-${p.id}-error`}>
                      {translateError(t, error)}
                    </p>
                  ) : null}
                  <select
                    id={`reason-${p.id}`}
                    name="declineReason"
                    defaultValue=""
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `reason-${p.id}-error` : undefined}
                  >
                    <option value="">{t("statements.proposals.chooseReason")}</option>
                    {declineReasons.map((reason) => (
                      <option key={reason} value={reason}>
                        {t(`statements.proposals.declineReasons.${reason}`)}
                      </option>
                    ))}
                  </select>
                  <label htmlFor={`note-${p.id}`}>
                    {t("statements.proposals.declineNote")}{" "}
                    <span className="optional">{t("organisations.optional")}</span>
                  </label>
                  <textarea id={`note-${p.id}`} name="declineNote" rows={2} maxLength={2000} />
                  <button type="submit" className="button button-secondary button-small">
                    {t("statements.proposals.decline")}
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

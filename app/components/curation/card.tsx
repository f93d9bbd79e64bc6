import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import {
  MAX_DROP_REASON,
  MAX_NOTE,
  allowedMoves,
  matchRejectReasons,
  nextStages,
  type DeploymentStageValue,
  type MatchStatusValue,
} from "~/schemas/curation";
import { formatDate, formatDateTime } from "~/utils/format";
import { MatchReasons, type Reason } from "./reasons";

export type BoardCard = {
  id: string;
  version: number;
  status: MatchStatusValue;
  score: number;
  reasons: Reason[];
  rejectReason: (typeof matchRejectReasons)[number] | null;
  stage: DeploymentStageValue | null;
  introducedAt: string | null;
  pilotAt: string | null;
  procurementAt: string | null;
  deployedAt: string | null;
  droppedAt: string | null;
  dropReason: string | null;
  offer: {
    slug: string;
    titleVi: string;
    titleEn: string | null;
    summaryVi: string;
    summaryEn: string | null;
    status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CHANGES_REQUESTED" | "ARCHIVED";
    organisation: { name: string };
  };
  // The provider sent a proposal with this offer for the problem.
  proposal: { id: string; status: string; createdAt: string } | null;
  // A suggestion under the board's quality threshold, collapsed under "more".
  weak: boolean;
  assignee: { id: string; name: string } | null;
  notes: { id: string; body: string; createdAt: string; author: { name: string } | null }[];
};

// What the last failed action on this card said, and what was typed.
export type CardError = {
  matchId?: string;
  message: string;
  params?: Record<string, string>;
  values?: Record<string, string>;
} | null;

const stageDates = (card: BoardCard) =>
  (["INTRODUCED", "PILOT", "PROCUREMENT", "DEPLOYED", "DROPPED"] as const)
    .map((stage) => ({ stage, at: card[`${stage.toLowerCase()}At` as "pilotAt"] }))
    .filter((s): s is { stage: DeploymentStageValue; at: string } => Boolean(s.at));

const moveLabel = (from: MatchStatusValue, to: MatchStatusValue) =>
  to === "SHORTLISTED"
    ? "curation.shortlist"
    : to === "APPROVED"
    ? "curation.approve"
    : from === "REJECTED"
    ? "curation.reopen"
    : "curation.backToSuggested";

export function MatchCard({
  card,
  staff,
  today,
  error,
}: {
  card: BoardCard;
  staff: { id: string; name: string }[];
  today: string;
  error: CardError;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const title = language === "en" && card.offer.titleEn ? card.offer.titleEn : card.offer.titleVi;
  const summary = language === "en" && card.offer.summaryEn ? card.offer.summaryEn : card.offer.summaryVi;
  const mine = error?.matchId === card.id ? error : null;
  const ref = `${card.id}:${card.version}`;
  const locked = card.status === "APPROVED" && card.stage !== null;
  const moves = locked ? [] : allowedMoves[card.status];
  const stages = card.status === "APPROVED" ? nextStages(card.stage) : [];
  const id = (name: string) => `${card.id}-${name}`;
  return (
    <li className="card match-card" id={`match-${card.id}`} aria-labelledby={id("title")}>
      <h3 id={id("title")}>
        <a href={`/offers/${card.offer.slug}`}>{title}</a>
      </h3>
      <p className="match-meta">
        {card.proposal ? (
          <>
            <span className="tag tag-proposal">{t("curation.proposal")}</span>{" "}
          </>
        ) : null}
        {card.offer.organisation.name} · {t("curation.score", { score: card.score.toFixed(2) })}
      </p>
      {summary ? (
        <p className="match-summary" title={summary}>
          {summary}
        </p>
      ) : null}
      {/* Approved matches of an offer no longer published drop off the public page; say so here. */}
      {card.offer.status !== "PUBLISHED" ? (
        <p>
          <span className="tag tag-red">{t(`offers.statuses.${card.offer.status}`)}</span>
        </p>
      ) : null}
      {card.stage ? (
        <p>
          <span className={card.stage === "DROPPED" ? "tag tag-red" : "tag tag-green"}>
            {t(`curation.stage.${card.stage}`)}
          </span>
        </p>
      ) : null}
      {mine ? (
        <p className="error-message" role="alert">
          {(i18n.t as unknown as (key: string, params?: Record<string, string>) => string)(mine.message, mine.params)}
        </p>
      ) : null}

      {/* Reasons and every form stay folded until asked for: a board of ten cards fits a screen. */}
      <details className="match-more" open={Boolean(mine)}>
        <summary>
          {t("curation.details")}
          <span className="visually-hidden">: {title}</span>
        </summary>
        {card.proposal ? <p className="hint">{t("curation.proposalHint")}</p> : null}
        <MatchReasons reasons={card.reasons} />
        {card.rejectReason && card.status === "REJECTED" ? (
          <p>
            {t("curation.rejectReason")}: {t(`curation.rejectReasons.${card.rejectReason}`)}
          </p>
        ) : null}

        {moves.filter((to) => to !== "REJECTED").length ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="match" value={ref} />
            {moves
              .filter((to) => to !== "REJECTED")
              .map((to) => (
                <button
                  key={to}
                  type="submit"
                  name="to"
                  value={to}
                  className={to === "APPROVED" ? "button button-small" : "button button-secondary button-small"}
                >
                  {t(moveLabel(card.status, to))}
                </button>
              ))}
          </Form>
        ) : null}

        {moves.includes("REJECTED") ? (
          <details open={Boolean(mine?.values?.to === "REJECTED")}>
            <summary>{t("curation.reject")}</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="match" value={ref} />
              <input type="hidden" name="to" value="REJECTED" />
              <div className="field">
                <label htmlFor={id("reason")}>{t("curation.rejectReason")}</label>
                <select id={id("reason")} name="rejectReason" defaultValue={mine?.values?.rejectReason ?? ""}>
                  <RejectReasonOptions />
                </select>
              </div>
              <div className="field">
                <label htmlFor={id("reject-note")}>{t("curation.noteOptional")}</label>
                <textarea
                  id={id("reject-note")}
                  name="note"
                  rows={2}
                  maxLength={MAX_NOTE}
                  defaultValue={mine?.values?.note ?? ""}
                />
              </div>
              <button type="submit" className="button button-secondary button-small">
                {t("curation.reject")}
              </button>
            </Form>
          </details>
        ) : null}

        {card.status === "APPROVED" ? (
          <section aria-label={t("curation.stageLegend")}>
            <ul className="plain-list">
              {stageDates(card).map((s) => (
                <li key={s.stage}>
                  {t("curation.stageSince", {
                    stage: t(`curation.stage.${s.stage}`),
                    date: formatDate(s.at, language),
                  })}
                </li>
              ))}
            </ul>
            {card.dropReason ? (
              <p>
                {t("curation.dropReason")}: {card.dropReason}
              </p>
            ) : null}
            {stages.length ? (
              <Form method="post">
                <input type="hidden" name="intent" value="stage" />
                <input type="hidden" name="match" value={ref} />
                <fieldset>
                  <legend>{t("curation.stageLegend")}</legend>
                  <div className="field">
                    <label htmlFor={id("stage")}>{t("curation.stageNext")}</label>
                    <select id={id("stage")} name="stage" defaultValue={mine?.values?.stage ?? stages[0]}>
                      {stages.map((s) => (
                        <option key={s} value={s}>
                          {t(`curation.stage.${s}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={id("date")}>{t("curation.stageDate")}</label>
                    <input
                      type="date"
                      id={id("date")}
                      name="date"
                      max={today}
                      defaultValue={mine?.values?.date ?? today}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={id("drop")}>{t("curation.dropReason")}</label>
                    <input
                      type="text"
                      id={id("drop")}
                      name="dropReason"
                      maxLength={MAX_DROP_REASON}
                      defaultValue={mine?.values?.dropReason ?? ""}
                    />
                  </div>
                  <button type="submit" className="button button-small">
                    {t("curation.stageSave")}
                  </button>
                </fieldset>
              </Form>
            ) : null}
          </section>
        ) : null}

        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="assign" />
          <input type="hidden" name="matchId" value={card.id} />
          <label htmlFor={id("assignee")}>{t("curation.assignee")}</label>
          <select id={id("assignee")} name="assigneeId" defaultValue={card.assignee?.id ?? ""}>
            <option value="">{t("curation.unassigned")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-secondary button-small">
            {t("curation.assign")}
          </button>
        </Form>

        <details open={card.notes.length > 0 || Boolean(mine?.values?.body)}>
          <summary>{`${t("curation.notes")} (${card.notes.length})`}</summary>
          {card.notes.length === 0 ? (
            <p>{t("curation.noNotes")}</p>
          ) : (
            <ul className="plain-list">
              {card.notes.map((n) => (
                <li key={n.id}>
                  <strong>{n.author?.name ?? "—"}</strong>, {formatDateTime(n.createdAt, language)}: {n.body}
                </li>
              ))}
            </ul>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="note" />
            <input type="hidden" name="matchId" value={card.id} />
            <div className="field">
              <label htmlFor={id("note")}>{t("curation.noteLabel")}</label>
              <textarea
                id={id("note")}
                name="body"
                rows={2}
                maxLength={MAX_NOTE}
                defaultValue={mine?.values?.body ?? ""}
              />
            </div>
            <button type="submit" className="button button-secondary button-small">
              {t("curation.addNote")}
            </button>
          </Form>
        </details>
      </details>
    </li>
  );
}

// The reasons a pair can be rejected for, after an empty "choose" option:
// the same list on a card's reject form and in the list view's bulk form.
export function RejectReasonOptions() {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t("curation.rejectReasonPlaceholder")}</option>
      {matchRejectReasons.map((r) => (
        <option key={r} value={r}>
          {t(`curation.rejectReasons.${r}`)}
        </option>
      ))}
    </>
  );
}

import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { MAX_NOTE, matchStatuses } from "~/schemas/curation";
import { TableRegion } from "../table-region";
import { MatchCard, RejectReasonOptions, type BoardCard, type CardError } from "./card";

type BoardProps = {
  cards: BoardCard[];
  staff: { id: string; name: string }[];
  today: string;
  error: CardError;
  weakBelow: number;
};

// Weak suggestions go last, folded, so the column opens on the ones worth reading.
const split = (cards: BoardCard[]) => ({ strong: cards.filter((c) => !c.weak), weak: cards.filter((c) => c.weak) });

// Four columns side by side when there is room, stacked when there is not.
export function CurationBoard(props: BoardProps) {
  const { t } = useTranslation();
  return (
    <div className="board">
      {matchStatuses.map((status) => {
        const { strong, weak } = split(props.cards.filter((c) => c.status === status));
        const card = (c: BoardCard) => (
          <MatchCard key={c.id} card={c} staff={props.staff} today={props.today} error={props.error} />
        );
        return (
          <section key={status} className="board-column" aria-labelledby={`column-${status}`}>
            <h2 id={`column-${status}`}>{`${t(`curation.status.${status}`)} (${strong.length + weak.length})`}</h2>
            {strong.length + weak.length === 0 ? <p className="hint">{t("curation.columnEmpty")}</p> : null}
            {strong.length ? <ul className="card-list">{strong.map(card)}</ul> : null}
            {weak.length ? (
              <details className="weak-suggestions" open={weak.some((c) => c.id === props.error?.matchId)}>
                <summary>{t("curation.weakMore", { n: weak.length })}</summary>
                <p className="hint">{t("curation.weakHint", { threshold: props.weakBelow.toFixed(2) })}</p>
                <ul className="card-list">{weak.map(card)}</ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function ListRows({ cards, caption }: { cards: BoardCard[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <TableRegion label={caption}>
      <table className="match-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t("curation.listSelect")}</span>
            </th>
            <th scope="col">{t("curation.listOffer")}</th>
            <th scope="col">{t("curation.provider")}</th>
            <th scope="col">{t("curation.listStatus")}</th>
            <th scope="col">{t("curation.listScore")}</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => {
            const title = language === "en" && card.offer.titleEn ? card.offer.titleEn : card.offer.titleVi;
            return (
              <tr key={card.id}>
                <td>
                  <input type="checkbox" name="match" value={`${card.id}:${card.version}`} id={`select-${card.id}`} />
                  <label htmlFor={`select-${card.id}`} className="visually-hidden">
                    {t("curation.select", { title })}
                  </label>
                </td>
                <td>
                  <a href={`/offers/${card.offer.slug}`}>{title}</a>
                  {card.proposal ? (
                    <>
                      {" "}
                      <span className="tag tag-proposal">{t("curation.proposal")}</span>
                    </>
                  ) : null}
                </td>
                <td>{card.offer.organisation.name}</td>
                <td>
                  {t(`curation.status.${card.status}`)}
                  {card.stage ? ` · ${t(`curation.stage.${card.stage}`)}` : ""}
                </td>
                <td>{card.score.toFixed(2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

// One form: tick rows, pick an action. Every button is a real submit, so it
// works without JavaScript and from the keyboard; the model moves all or none.
export function CurationList(props: BoardProps & { action: string }) {
  const { t } = useTranslation();
  const values = props.error && !props.error.matchId ? props.error.values : undefined;
  const ordered = matchStatuses.flatMap((status) => props.cards.filter((c) => c.status === status));
  const { strong, weak } = split(ordered);
  return (
    <Form method="post" action={props.action} className="match-list" aria-labelledby="bulk-legend">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="source" value="bulk" />
      {strong.length ? (
        <ListRows cards={strong} caption={t("curation.listCaption")} />
      ) : (
        <p className="hint">{t("curation.columnEmpty")}</p>
      )}
      {weak.length ? (
        <details className="weak-suggestions">
          <summary>{t("curation.weakMore", { n: weak.length })}</summary>
          <p className="hint">{t("curation.weakHint", { threshold: props.weakBelow.toFixed(2) })}</p>
          <ListRows cards={weak} caption={t("curation.weakCaption")} />
        </details>
      ) : null}
      <fieldset className="bulk-move">
        <legend id="bulk-legend">{t("curation.bulkLegend")}</legend>
        <div className="inline-form">
          <label htmlFor="bulk-reason">{t("curation.bulkReason")}</label>
          <select id="bulk-reason" name="rejectReason" defaultValue={values?.rejectReason ?? ""}>
            <RejectReasonOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="bulk-note">{t("curation.noteOptional")}</label>
          <textarea id="bulk-note" name="note" rows={2} maxLength={MAX_NOTE} defaultValue={values?.note ?? ""} />
        </div>
        <div className="inline-form">
          <button type="submit" name="to" value="SHORTLISTED" className="button button-small">
            {t("curation.bulkShortlist")}
          </button>
          <button type="submit" name="to" value="APPROVED" className="button button-secondary button-small">
            {t("curation.bulkApprove")}
          </button>
          <button type="submit" name="to" value="SUGGESTED" className="button button-secondary button-small">
            {t("curation.bulkSuggested")}
          </button>
          <button type="submit" name="to" value="REJECTED" className="button button-secondary button-small">
            {t("curation.bulkReject")}
          </button>
        </div>
      </fieldset>
    </Form>
  );
}

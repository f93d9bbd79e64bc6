import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_NOTE, matchRejectReasons, matchStatuses } from "~/schemas/curation";
import { MatchCard, type BoardCard, type CardError } from "./card";

// The bulk form sits apart from the cards; each card's checkbox joins it
// through the form attribute, so selecting and moving works without JavaScript.
function BulkMove({ error }: { error: CardError }) {
  const { t } = useTranslation();
  const values = error && !error.matchId ? error.values : undefined;
  return (
    <Form method="post" id="bulk-move" className="bulk-move" aria-labelledby="bulk-legend">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="source" value="bulk" />
      <h2 id="bulk-legend">{t("curation.bulkLegend")}</h2>
      <div className="inline-form">
        <label htmlFor="bulk-to">{t("curation.bulkTo")}</label>
        <select id="bulk-to" name="to" defaultValue={values?.to ?? "SHORTLISTED"}>
          {matchStatuses.map((s) => <option key={s} value={s}>{t(`curation.status.${s}`)}</option>)}
        </select>
        <label htmlFor="bulk-reason">{t("curation.rejectReason")}</label>
        <select id="bulk-reason" name="rejectReason" defaultValue={values?.rejectReason ?? ""}>
          <option value="">{t("curation.rejectReasonPlaceholder")}</option>
          {matchRejectReasons.map((r) => <option key={r} value={r}>{t(`curation.rejectReasons.${r}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="bulk-note">{t("curation.noteOptional")}</label>
        <textarea id="bulk-note" name="note" rows={2} maxLength={MAX_NOTE} defaultValue={values?.note ?? ""} />
      </div>
      <button type="submit" className="button button-small">{t("curation.bulkMove")}</button>
    </Form>
  );
}

export function CurationBoard(props: { cards: BoardCard[]; staff: { id: string; name: string }[]; today: string; error: CardError }) {
  const { t } = useTranslation();
  return (
    <>
      <BulkMove error={props.error} />
      <div className="board">
        {matchStatuses.map((status) => {
          const cards = props.cards.filter((c) => c.status === status);
          return (
            <section key={status} className="board-column" aria-labelledby={`column-${status}`}>
              <h2 id={`column-${status}`}>{`${t(`curation.status.${status}`)} (${cards.length})`}</h2>
              {cards.length === 0 ? <p className="hint">{t("curation.columnEmpty")}</p> : (
                <ul className="card-list">
                  {cards.map((card) => <MatchCard key={card.id} card={card} staff={props.staff} today={props.today} error={props.error} />)}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}

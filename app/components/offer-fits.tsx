import { Form, Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { MatchReason } from "~/utils/match-reasons";
import { describeMatchReason } from "~/utils/match-reasons";

type FitNeed =
  | { type: "major-problem"; id: string; code: string; title: string; list: { name: string }; url: string }
  | { type: "problem-statement"; id: string; title: string; organisation: { name: string }; url: string };
export type Fit = { need: FitNeed; score: number; reasons: MatchReason[]; proposed: boolean; open: boolean };
export type OfferFitsData = { status: "not-published" } | { status: "unavailable" } | { status: "ok"; fits: Fit[] };

function FitAction({ fit, action, offerId, t }: { fit: Fit; action: string; offerId: string; t: TFunction }) {
  if (fit.proposed)
    return (
      <p>
        <strong className="tag">{t("openApi.fits.proposed")}</strong>
      </p>
    );
  if (!fit.open) return <p className="hint">{t("openApi.fits.closed")}</p>;
  return (
    <Form method="post" action={action} className="offer-fit-propose">
      <input type="hidden" name="kind" value={fit.need.type} />
      <input type="hidden" name="targetId" value={fit.need.id} />
      <button type="submit" className="button" aria-describedby="offer-fits-propose-hint">
        {t("openApi.fits.propose")}
        <span className="visually-hidden">: {fit.need.title}</span>
      </button>{" "}
      <Link to={`${fit.need.url}/propose?offer=${encodeURIComponent(offerId)}`}>{t("openApi.fits.writeOwn")}</Link>
    </Form>
  );
}

// Members of the offer's organisation only: the route decides who sees it.
export function OfferFits({
  fits,
  offerId,
  proposeAction,
}: {
  fits: OfferFitsData;
  offerId: string;
  proposeAction: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="offer-fits-title" className="offer-fits">
      <h2 id="offer-fits-title">{t("openApi.fits.title")}</h2>
      {fits.status === "not-published" ? <p>{t("openApi.fits.notPublished")}</p> : null}
      {fits.status === "unavailable" ? <p className="notice">{t("openApi.fits.unavailable")}</p> : null}
      {fits.status === "ok" && fits.fits.length === 0 ? <p>{t("openApi.fits.none")}</p> : null}
      {fits.status === "ok" && fits.fits.length > 0 ? (
        <>
          <p className="hint">{t("openApi.fits.lead")}</p>
          <p className="hint" id="offer-fits-propose-hint">
            {t("openApi.fits.proposeHint")}
          </p>
          <ol className="card-list">
            {fits.fits.map((fit) => (
              <li key={`${fit.need.type}:${fit.need.id}`} className="card">
                <p className="hint">
                  {fit.need.type === "major-problem"
                    ? `${t("openApi.fits.majorProblem")} ${fit.need.code} · ${fit.need.list.name}`
                    : `${t("openApi.fits.problemStatement")} · ${fit.need.organisation.name}`}
                  {" · "}
                  {t("openApi.fits.score", { score: Math.round(fit.score * 100) })}
                </p>
                <h3>
                  <Link to={fit.need.url}>{fit.need.title}</Link>
                </h3>
                {fit.reasons.length ? (
                  <>
                    <h4 className="visually-hidden">{t("openApi.fits.reasons")}</h4>
                    <ul>
                      {fit.reasons.map((reason, index) => (
                        <li key={index}>{describeMatchReason(reason, t)}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <FitAction fit={fit} action={proposeAction} offerId={offerId} t={t} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

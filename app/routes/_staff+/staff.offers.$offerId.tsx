import { parseWithZod } from "@conform-to/zod";
import { metaT, withSiteName } from "~/i18n/meta";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OfferReviewActions } from "~/components/offer-review";
import { OfferStatusTag, OfferView, PendingRevision } from "~/components/offer-view";
import type { Language } from "~/i18n/config";
import { approveRevision, rejectRevision } from "~/models/offer-revisions.server";
import {
  archiveOffer,
  publishOffer,
  requestChanges,
  setEvidenceLevel,
  type MoveOutcome,
} from "~/models/offer-workflow.server";
import { getOfferForReview } from "~/models/offer-views.server";
import { flash } from "~/models/session.server";
import { reviewSchema } from "~/schemas/offer";
import offersStyles from "~/styles/offers.css";
import { formatDate, formatDateTime } from "~/utils/format";
import { notFound, requireStaff } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: offersStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: withSiteName(t, t("offers.reviewTitle", { title: data?.view.titleVi ?? "" })) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const found = await getOfferForReview(params.offerId ?? "");
  if (!found) throw notFound();
  return json(found);
}

const done = {
  publish: "offers.published",
  "request-changes": "offers.changesRequested",
  "approve-revision": "offers.revisionApproved",
  "reject-revision": "offers.revisionRejectedDone",
  "set-evidence": "offers.evidenceSet",
  archive: "offers.archived",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const offerId = params.offerId ?? "";
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: reviewSchema });
  if (submission.status !== "success") {
    return json({ intent: String(formData.get("intent") ?? ""), result: submission.reply() }, { status: 400 });
  }
  const value = submission.value;
  let outcome: MoveOutcome;
  if (value.intent === "publish") outcome = await publishOffer(staff.id, offerId, value.evidenceLevel);
  else if (value.intent === "request-changes") outcome = await requestChanges(staff.id, offerId, value.reason);
  else if (value.intent === "approve-revision") outcome = await approveRevision(staff.id, offerId);
  else if (value.intent === "reject-revision") outcome = await rejectRevision(staff.id, offerId, value.reason);
  else if (value.intent === "set-evidence") outcome = await setEvidenceLevel(staff.id, offerId, value.evidenceLevel);
  else outcome = await archiveOffer(staff.id, offerId);
  if (outcome === "not-found") throw notFound();
  if (outcome === "invalid") return flash(request, `/staff/offers/${offerId}`, { key: "offers.conflict" });
  // Decisions empty the queue entry, so go back to the queue; the evidence level is a tweak.
  return flash(request, value.intent === "set-evidence" ? `/staff/offers/${offerId}` : "/staff/offers", {
    key: done[value.intent],
  });
}

export default function ReviewOffer() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { offer, view, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/staff/offers">{t("offers.staffTitle")}</Link>
      </p>
      <h1>{t("offers.reviewTitle", { title: view.titleVi })}</h1>
      <p>
        {t("offers.organisation")}: {view.organisation.name} · {t("offers.statusLabel")}:{" "}
        <OfferStatusTag status={offer.status} />
        {pending ? (
          <>
            {" "}
            <span className="tag">{t("offers.pendingBadge")}</span>
          </>
        ) : null}
        {offer.submittedAt ? (
          <> · {t("offers.submittedOn", { date: formatDate(offer.submittedAt, language) })}</>
        ) : null}
      </p>
      {pending ? (
        <p className="notice">{t("offers.pendingNotice", { date: formatDateTime(pending.submittedAt, language) })}</p>
      ) : null}
      {offer.reviewNote ? (
        <section className="notice" aria-labelledby="review-note">
          <h2 id="review-note">{t("offers.reviewNoteTitle")}</h2>
          <p className="prose">{offer.reviewNote}</p>
        </section>
      ) : null}
      <OfferReviewActions
        status={offer.status}
        hasPending={Boolean(pending)}
        evidenceLevel={offer.evidenceLevel}
        lastIntent={actionData?.intent}
        lastResult={actionData?.result}
      />
      <section aria-labelledby="live-title">
        <h2 id="live-title">{pending ? t("offers.liveTitle") : t("offers.previewTitle")}</h2>
        <div className="offer-preview">
          <OfferView view={view} heading="h2" />
        </div>
      </section>
      {pending ? <PendingRevision pending={pending} /> : null}
    </>
  );
}

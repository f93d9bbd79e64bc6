import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OfferFits } from "~/components/offer-fits";
import { OfferStatusTag, OfferView, PendingRevision } from "~/components/offer-view";
import type { Language } from "~/i18n/config";
import { archiveOffer, submitOffer } from "~/models/offer-workflow.server";
import { getOfferingOrganisation, getOrganisationOffer } from "~/models/offer-views.server";
import { offerFits } from "~/models/offer-fits.server";
import { flash } from "~/models/session.server";
import { providerActionSchema } from "~/schemas/offer";
import offersStyles from "~/styles/offers.css";
import { formatDate, formatDateTime } from "~/utils/format";
import { notFound, requireOrgMember } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: offersStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: withSiteName(metaT(matches), data?.view.titleVi ?? "") },
];

async function access(request: Request, orgId: string | undefined) {
  const { user } = await requireOrgMember(request, orgId);
  const organisation = await getOfferingOrganisation(orgId!);
  if (!organisation) throw notFound();
  return { user, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await access(request, params.orgId);
  const found = await getOrganisationOffer(organisation.id, params.offerId ?? "");
  if (!found) throw notFound();
  const fits = await offerFits(organisation.id, found.offer.id);
  return json({ organisation, offer: found.offer, view: found.view, pending: found.pending, fits });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await access(request, params.orgId);
  const parsed = providerActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const offerId = params.offerId ?? "";
  const outcome =
    parsed.data.intent === "submit"
      ? await submitOffer(user.id, organisation.id, offerId)
      : await archiveOffer(user.id, offerId, organisation.id);
  if (outcome === "not-found") throw notFound();
  // The plan page explains the limit and offers the upgrade.
  if (outcome === "over-limit") return redirect(`/orgs/${organisation.id}/plan?blocked=offers`);
  const key =
    outcome === "invalid"
      ? "offers.conflict"
      : parsed.data.intent === "submit"
      ? "offers.submitted"
      : "offers.archived";
  return flash(request, `/orgs/${organisation.id}/offers/${offerId}`, { key });
}

export default function ProviderOffer() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { organisation, offer, view, pending, fits } = useLoaderData<typeof loader>();
  const canSubmit = offer.status === "DRAFT" || offer.status === "CHANGES_REQUESTED";
  const showNote =
    offer.reviewNote && (offer.status === "CHANGES_REQUESTED" || (offer.status === "PUBLISHED" && !pending));
  return (
    <>
      <p>
        <Link to={`/orgs/${organisation.id}/offers`}>{t("offers.backToOffers")}</Link>
      </p>
      <h1>{view.titleVi}</h1>
      <p>
        {t("offers.statusLabel")}: <OfferStatusTag status={offer.status} />
        {pending ? (
          <>
            {" "}
            <span className="tag">{t("offers.pendingBadge")}</span>
          </>
        ) : null}
        {offer.submittedAt && offer.status === "SUBMITTED" ? (
          <> {t("offers.submittedOn", { date: formatDate(offer.submittedAt, language) })}</>
        ) : null}
      </p>
      {showNote ? (
        <section className="notice notice-error" aria-labelledby="review-note">
          <h2 id="review-note">{t("offers.reviewNoteTitle")}</h2>
          {offer.status === "PUBLISHED" ? <p>{t("offers.revisionRejected")}</p> : null}
          <p className="prose">{offer.reviewNote}</p>
        </section>
      ) : null}
      {pending ? (
        <p className="notice">{t("offers.pendingNotice", { date: formatDateTime(pending.submittedAt, language) })}</p>
      ) : null}

      <div className="offer-actions">
        {offer.status !== "ARCHIVED" ? (
          <Link to={`/orgs/${organisation.id}/offers/${offer.id}/edit`} className="button button-secondary">
            {t("offers.edit")}
          </Link>
        ) : null}
        {canSubmit ? (
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <button type="submit" className="button">
              {t("offers.submit")}
            </button>
          </Form>
        ) : null}
        {offer.status === "PUBLISHED" ? <Link to={`/offers/${offer.slug}`}>{t("offers.viewPublic")}</Link> : null}
      </div>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{pending ? t("offers.liveTitle") : t("offers.previewTitle")}</h2>
        <div className="offer-preview">
          <OfferView view={view} heading="h2" />
        </div>
      </section>
      {pending ? <PendingRevision pending={pending} /> : null}
      <OfferFits fits={fits} offerId={offer.id} proposeAction={`/orgs/${organisation.id}/offers/${offer.id}/propose`} />

      {offer.status !== "ARCHIVED" ? (
        <Form method="post" className="offer-archive">
          <input type="hidden" name="intent" value="archive" />
          <p className="hint">{t("offers.archiveHint")}</p>
          <button type="submit" className="button button-secondary">
            {t("offers.archive")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

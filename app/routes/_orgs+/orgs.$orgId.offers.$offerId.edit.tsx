import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OfferForm, offerFormDefaults } from "~/components/offer-form";
import {
  checkOfferFiles,
  offerSchemaWithTermCheck,
  readOfferForm,
  rowIntentReply,
  tooLargeResult,
} from "~/route-actions/offer-form.server";
import { getOfferingOrganisation, getOrganisationOffer } from "~/models/offer-views.server";
import { keptImageCount, termsForForm, updateOffer } from "~/models/offer-editing.server";
import { suggestReply } from "~/route-actions/term-suggestions.server";
import { flash } from "~/models/session.server";
import { offerSchema } from "~/schemas/offer";
import offerFormStyles from "~/styles/offer-form.css";
import offersStyles from "~/styles/offers.css";
import { notFound, requireOrgMember } from "~/utils/permissions.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: offersStyles },
  { rel: "stylesheet", href: offerFormStyles },
];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "offers.edit");

async function access(request: Request, orgId: string | undefined, offerId: string | undefined) {
  const { user } = await requireOrgMember(request, orgId);
  const organisation = await getOfferingOrganisation(orgId!);
  const found = organisation ? await getOrganisationOffer(organisation.id, offerId ?? "") : null;
  // Archived offers are read-only; another organisation's offer does not exist here.
  if (!organisation || !found || found.offer.status === "ARCHIVED") throw notFound();
  return { user, organisation, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, found } = await access(request, params.orgId, params.offerId);
  return json({
    organisationId: organisation.id,
    offer: found.offer,
    content: found.formContent,
    media: found.formMedia.map(({ key, kind, storedName, originalName }) => ({ key, kind, storedName, originalName })),
    terms: await termsForForm(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation, found } = await access(request, params.orgId, params.offerId);
  const form = await readOfferForm(request);
  if (form.tooLarge) return json({ result: tooLargeResult() }, { status: 413 });
  if (form.formData.get("intent") === "suggest") return json(await suggestReply("offer", form.formData, offerSchema));
  const rows = rowIntentReply(form.formData);
  if (rows) return json({ result: rows });
  const submission = await parseWithZod(form.formData, { schema: offerSchemaWithTermCheck(), async: true });
  const removing = form.formData.getAll("removeMedia").map(String);
  const files = await checkOfferFiles(form.files, await keptImageCount(organisation.id, found.offer.id, removing));
  if (submission.status !== "success" || files.errors) {
    return json(
      { result: files.errors ? submission.reply({ fieldErrors: files.errors }) : submission.reply() },
      { status: 400 },
    );
  }
  const outcome = await updateOffer(user.id, organisation.id, found.offer.id, submission.value, files.checked);
  if (outcome === "not-found") throw notFound();
  const key = { saved: "offers.saved", "pending-review": "offers.savedPending", conflict: "offers.conflict" }[outcome];
  return flash(request, `/orgs/${organisation.id}/offers/${found.offer.id}`, { key });
}

export default function EditOffer() {
  const { t } = useTranslation();
  const { organisationId, offer, content, media, terms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/orgs/${organisationId}/offers/${offer.id}`}>{t("offers.backToOffer")}</Link>
      </p>
      <h1>{t("offers.editTitle", { title: content.titleVi })}</h1>
      {offer.status === "PUBLISHED" ? <p className="notice">{t("offers.editPublishedNotice")}</p> : null}
      <OfferForm
        lastResult={actionData?.result}
        suggestions={actionData && "suggestions" in actionData ? actionData.suggestions : null}
        defaultValue={offerFormDefaults(content, terms)}
        terms={terms}
        media={media}
        submitLabel={t("offers.save")}
      />
    </>
  );
}

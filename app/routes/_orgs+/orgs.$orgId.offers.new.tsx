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
import { createOffer, termsForForm } from "~/models/offer-editing.server";
import { getOfferingOrganisation } from "~/models/offer-views.server";
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

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "offers.newTitle");

async function access(request: Request, orgId: string | undefined) {
  const { user } = await requireOrgMember(request, orgId);
  const organisation = await getOfferingOrganisation(orgId!);
  if (!organisation) throw notFound();
  return { user, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await access(request, params.orgId);
  return json({ organisation, terms: await termsForForm() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await access(request, params.orgId);
  const form = await readOfferForm(request);
  if (form.tooLarge) return json({ result: tooLargeResult() }, { status: 413 });
  if (form.formData.get("intent") === "suggest") return json(await suggestReply("offer", form.formData, offerSchema));
  const rows = rowIntentReply(form.formData);
  if (rows) return json({ result: rows });
  const submission = await parseWithZod(form.formData, { schema: offerSchemaWithTermCheck(), async: true });
  const files = await checkOfferFiles(form.files, 0);
  if (submission.status !== "success" || files.errors) {
    return json(
      { result: files.errors ? submission.reply({ fieldErrors: files.errors }) : submission.reply() },
      { status: 400 },
    );
  }
  const offer = await createOffer(user.id, organisation.id, submission.value, files.checked);
  return flash(request, `/orgs/${organisation.id}/offers/${offer.id}`, { key: "offers.created" });
}

export default function NewOffer() {
  const { t } = useTranslation();
  const { organisation, terms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/orgs/${organisation.id}/offers`}>{t("offers.backToOffers")}</Link>
      </p>
      <h1>{t("offers.newTitle")}</h1>
      <p className="lead">{t("offers.newLead")}</p>
      <OfferForm
        lastResult={actionData?.result}
        suggestions={actionData && "suggestions" in actionData ? actionData.suggestions : null}
        defaultValue={offerFormDefaults()}
        terms={terms}
        submitLabel={t("offers.create")}
      />
    </>
  );
}

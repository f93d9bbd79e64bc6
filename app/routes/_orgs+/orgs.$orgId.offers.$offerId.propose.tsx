import type { ActionFunctionArgs } from "@remix-run/node";
import { getOfferingOrganisation } from "~/models/offer-views.server";
import { quickPropose } from "~/models/offer-fits.server";
import { flash } from "~/models/session.server";
import { quickProposeSchema } from "~/schemas/offer-fits";
import { forbidden, notFound, requireOrgMember } from "~/utils/permissions.server";

const messages = {
  proposed: "openApi.fits.flashProposed",
  duplicate: "openApi.fits.flashDuplicate",
  closed: "openApi.fits.flashClosed",
} as const;

// The one-click propose button of the offer page posts here and returns
// there; without JavaScript it is a plain form post and redirect.
export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireOrgMember(request, params.orgId);
  const organisation = await getOfferingOrganisation(params.orgId!);
  if (!organisation) throw notFound();
  const parsed = quickProposeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const offerId = params.offerId ?? "";
  const { outcome, title } = await quickPropose(user.id, organisation.id, offerId, parsed.data);
  if (outcome === "not-found") throw notFound();
  // The offer is this organisation's but not published (or not theirs to put forward).
  if (outcome === "offer-not-allowed") throw forbidden();
  return flash(request, `/orgs/${organisation.id}/offers/${offerId}`, { key: messages[outcome], params: { title } });
}

export const loader = () => {
  throw notFound();
};

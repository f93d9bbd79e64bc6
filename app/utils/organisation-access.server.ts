// Route guards for the pages that exist only for some kinds of organisation:
// for any other organisation they answer 404, like a page that is not there.
import { getOfferingOrganisation } from "~/models/offer-views.server";
import { notFound } from "~/utils/permissions.server";

/** The offering organisation of a route's `orgId`, or a 404 for anything else. */
export async function requireOfferingOrganisation(organisationId: string | undefined) {
  const organisation = organisationId ? await getOfferingOrganisation(organisationId) : null;
  if (!organisation) throw notFound();
  return organisation;
}

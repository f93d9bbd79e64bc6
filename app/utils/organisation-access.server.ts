// Route guards for the pages that exist only for some kinds of organisation:
// for any other organisation they answer 404, like a page that is not there.
import { db } from "~/db.server";
import { getOfferingOrganisation } from "~/models/offer-views.server";
import { isAgencyKind } from "~/models/problem-statement.server";
import { notFound, requireOrgMember } from "~/utils/permissions.server";

/** The offering organisation of a route's `orgId`, or a 404 for anything else. */
export async function requireOfferingOrganisation(organisationId: string | undefined) {
  const organisation = organisationId ? await getOfferingOrganisation(organisationId) : null;
  if (!organisation) throw notFound();
  return organisation;
}

// The agency pages exist only for organisations that post statements; for a
// provider's id they answer 404 like any page that is not there.
export async function requireAgencyMember(request: Request, organisationId: string | undefined) {
  const access = await requireOrgMember(request, organisationId);
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { id: true, name: true, kind: true },
  });
  if (!isAgencyKind(organisation.kind)) throw notFound();
  return { ...access, organisation };
}

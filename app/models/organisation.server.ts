import { db, type MembershipRole, type OrganisationKind, type Prisma } from "~/db.server";
import { uniqueSlug } from "~/utils/slug.server";
import { changedFields, recordAudit } from "./audit.server";
import { noticesFor, notify, organisationMembers } from "./notify.server";
import { enqueueSearchSync } from "./search-index.server";
import { withSearchNotify } from "~/search-service.server";

export function organisationSlug(name: string): Promise<string> {
  return uniqueSlug(
    name,
    async (slug) => Boolean(await db.organisation.findUnique({ where: { slug }, select: { id: true } })),
    "to-chuc",
  );
}

export type OrganisationInput = {
  name: string;
  kind: OrganisationKind;
  taxCode?: string | null;
  website?: string | null;
  address?: string | null;
  description?: string | null;
};

function clean(input: OrganisationInput) {
  const text = (value: string | null | undefined) => value?.normalize("NFC").trim() || null;
  return {
    name: input.name.normalize("NFC").trim(),
    kind: input.kind,
    taxCode: text(input.taxCode),
    website: text(input.website),
    address: text(input.address),
    description: text(input.description),
  };
}

export async function isTaxCodeTaken(taxCode: string | null | undefined, exceptOrganisationId?: string) {
  if (!taxCode) return false;
  const existing = await db.organisation.findUnique({ where: { taxCode: taxCode.trim() }, select: { id: true } });
  return Boolean(existing && existing.id !== exceptOrganisationId);
}

// The organisation and its first owner are one unit: neither exists alone.
export async function createOrganisation(ownerId: string, input: OrganisationInput) {
  const slug = await organisationSlug(input.name);
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({ data: { ...clean(input), slug } });
    await tx.membership.create({ data: { userId: ownerId, organisationId: organisation.id, role: "OWNER" } });
    await recordAudit(tx, {
      actorId: ownerId,
      action: "organisation.created",
      entityType: "Organisation",
      entityId: organisation.id,
    });
    return organisation;
  });
}

export async function updateOrganisation(actorId: string, organisationId: string, input: OrganisationInput) {
  return withSearchNotify(
    db.$transaction(async (tx) => {
      const current = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId } });
      const data = clean(input);
      const organisation = await tx.organisation.update({ where: { id: organisationId }, data });
      await recordAudit(tx, {
        actorId,
        action: "organisation.updated",
        entityType: "Organisation",
        entityId: organisationId,
        ...changedFields(current, data),
      });
      // The organisation's name and kind are searchable on its listings.
      const [offers, statements] = await Promise.all([
        tx.offer.findMany({ where: { organisationId, status: { not: "ARCHIVED" } }, select: { id: true } }),
        tx.problemStatement.findMany({ where: { organisationId }, select: { id: true } }),
      ]);
      await enqueueSearchSync(tx, [
        ...offers.map((o) => ({ type: "offer" as const, id: o.id })),
        ...statements.map((s) => ({ type: "problem" as const, id: s.id })),
      ]);
      return organisation;
    }),
  );
}

export async function listOrganisationsForUser(userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, organisation: { select: { id: true, name: true, kind: true, verifiedAt: true } } },
  });
}

export async function getOrganisationForMember(organisationId: string) {
  return db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    include: {
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      },
      invitations: {
        where: { acceptedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "asc" },
        select: { id: true, email: true, role: true, expiresAt: true },
      },
    },
  });
}

export async function removeMember(
  actorId: string,
  organisationId: string,
  membershipId: string,
): Promise<"removed" | "not-found" | "last-owner"> {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, organisationId } });
    if (!membership) return "not-found";
    if (membership.role === "OWNER") {
      const owners = await tx.membership.count({ where: { organisationId, role: "OWNER" } });
      if (owners <= 1) return "last-owner";
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      actorId,
      action: "organisation.member_removed",
      entityType: "Organisation",
      entityId: organisationId,
      data: { userId: membership.userId },
    });
    return "removed";
  });
}

/**
 * An owner makes a member an owner, or an owner a member. The last owner
 * cannot step down (the organisation would have nobody to manage it). The
 * member is told, in their language.
 */
export async function changeMemberRole(
  actorId: string,
  organisationId: string,
  membershipId: string,
  role: MembershipRole,
): Promise<"changed" | "unchanged" | "not-found" | "last-owner"> {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, organisationId },
      include: { organisation: { select: { name: true } } },
    });
    if (!membership) return "not-found";
    if (membership.role === role) return "unchanged";
    if (membership.role === "OWNER" && (await tx.membership.count({ where: { organisationId, role: "OWNER" } })) <= 1)
      return "last-owner";
    // Conditional on the role read, so two owners acting at once cannot both demote the last two owners.
    const moved = await tx.membership.updateMany({
      where: { id: membership.id, role: membership.role },
      data: { role },
    });
    if (moved.count !== 1) return "unchanged";
    if (
      membership.role === "OWNER" &&
      (await tx.membership.count({ where: { organisationId, role: "OWNER" } })) === 0
    ) {
      throw new Error("an organisation must keep an owner");
    }
    await recordAudit(tx, {
      actorId,
      action: "organisation.member_role_changed",
      entityType: "Organisation",
      entityId: organisationId,
      before: { role: membership.role },
      after: { role },
      data: { userId: membership.userId },
    });
    await notify(tx, [
      {
        userId: membership.userId,
        kind: "membership.role_changed",
        link: `/orgs/${organisationId}`,
        values: { organisation: membership.organisation.name, roleKey: `roles.${role}` },
      },
    ]);
    return "changed";
  });
}

export type VerificationFilter = "all" | "verified" | "unverified";

export async function listOrganisationsForStaff(filter: VerificationFilter) {
  const where: Prisma.OrganisationWhereInput =
    filter === "verified" ? { verifiedAt: { not: null } } : filter === "unverified" ? { verifiedAt: null } : {};
  return db.organisation.findMany({
    where,
    orderBy: [{ verifiedAt: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      taxCode: true,
      verifiedAt: true,
      createdAt: true,
      _count: { select: { memberships: true } },
    },
  });
}

export async function setOrganisationVerified(actorId: string, organisationId: string, verified: boolean) {
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { verifiedAt: true, verifiedById: true },
    });
    const organisation = await tx.organisation.update({
      where: { id: organisationId },
      data: verified ? { verifiedAt: new Date(), verifiedById: actorId } : { verifiedAt: null, verifiedById: null },
      select: { id: true, name: true, verifiedAt: true, verifiedById: true },
    });
    await recordAudit(tx, {
      actorId,
      action: verified ? "organisation.verified" : "organisation.unverified",
      entityType: "Organisation",
      entityId: organisationId,
      before,
      after: { verifiedAt: organisation.verifiedAt, verifiedById: organisation.verifiedById },
    });
    // Only the step to verified is news to the owners; re-saving a verified organisation tells nobody again.
    if (verified && !before.verifiedAt) {
      await notify(
        tx,
        noticesFor(await organisationMembers(tx, organisationId, { roles: ["OWNER"] }), {
          kind: "organisation.verified",
          link: `/orgs/${organisationId}`,
          values: { organisation: organisation.name },
        }),
      );
    }
    return organisation;
  });
}

export async function countOrganisations() {
  const [providers, agencies, verified] = await Promise.all([
    db.organisation.count({ where: { kind: { in: ["PROVIDER", "RESEARCH"] } } }),
    db.organisation.count({ where: { kind: "AGENCY" } }),
    db.organisation.count({ where: { verifiedAt: { not: null } } }),
  ]);
  return { providers, agencies, verified };
}

// The public profile: who the organisation is and what it has published.
// Offers and problem statements appear only once published.
export async function getPublicProfile(slug: string) {
  return db.organisation.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      kind: true,
      website: true,
      address: true,
      description: true,
      verifiedAt: true,
      createdAt: true,
      offers: {
        where: { status: "PUBLISHED" },
        orderBy: { publishedAt: "desc" },
        select: {
          slug: true,
          titleVi: true,
          titleEn: true,
          summaryVi: true,
          summaryEn: true,
          trl: true,
          media: { where: { kind: "LOGO" }, select: { storedName: true }, take: 1 },
        },
      },
      problemStatements: {
        where: { status: { in: ["PUBLISHED", "CLOSED"] } },
        orderBy: { publishedAt: "desc" },
        select: { slug: true, title: true, status: true, proposalDeadline: true },
      },
    },
  });
}

export async function listPublicOrganisations() {
  return db.organisation.findMany({
    where: { slug: { not: null } },
    orderBy: { name: "asc" },
    select: { name: true, slug: true, kind: true, verifiedAt: true },
  });
}

export type { MembershipRole };

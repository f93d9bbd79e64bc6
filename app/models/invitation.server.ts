import { db, type MembershipRole } from "~/db.server";
import { recordAudit } from "./audit.server";
import { enqueueMail } from "./mail-outbox.server";
import { noticesFor, notify, organisationMembers } from "./notify.server";
import { createToken, hashToken } from "~/utils/token.server";
import { normaliseEmail } from "./user.server";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type InviteEmailText = (vars: { link: string; organisation: string; inviter: string }) => {
  subject: string;
  text: string;
};

export async function inviteMember(
  inviter: { id: string; name: string },
  organisationId: string,
  input: { email: string; role: MembershipRole },
  baseUrl: string,
  compose: InviteEmailText,
): Promise<"invited" | "already-member" | "already-invited"> {
  const email = normaliseEmail(input.email);
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true },
  });
  const member = await db.membership.findFirst({ where: { organisationId, user: { email } } });
  if (member) return "already-member";
  const pending = await db.invitation.findFirst({
    where: { organisationId, email, acceptedAt: null, expiresAt: { gt: new Date() } },
  });
  if (pending) return "already-invited";

  const { token, tokenHash } = createToken();
  const link = new URL(`/invitations/${token}`, baseUrl).toString();
  // The email is queued in the invitation's transaction and sent by the mail
  // worker, which retries while SMTP is down: the invitation and its email
  // exist together or not at all. The invitee may have no account, so the
  // text is in the inviter's page language (compose).
  await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        organisationId,
        email,
        role: input.role,
        tokenHash,
        invitedById: inviter.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    await recordAudit(tx, {
      actorId: inviter.id,
      action: "organisation.member_invited",
      entityType: "Organisation",
      entityId: organisationId,
      data: { invitationId: created.id, role: input.role },
    });
    await enqueueMail(tx, [
      {
        to: email,
        ...compose({ link, organisation: organisation.name, inviter: inviter.name }),
        kind: "organisation.invitation",
      },
    ]);
  });
  return "invited";
}

export async function findOpenInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organisation: { select: { id: true, name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) return null;
  return invitation;
}

export async function acceptInvitation(
  token: string,
  user: { id: string; email: string },
): Promise<
  { status: "accepted"; organisationId: string; organisationName: string } | { status: "invalid" | "wrong-account" }
> {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return { status: "invalid" };
  if (invitation.email !== normaliseEmail(user.email)) return { status: "wrong-account" };
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) return { status: "invalid" as const };
    await tx.membership.upsert({
      where: { userId_organisationId: { userId: user.id, organisationId: invitation.organisationId } },
      create: { userId: user.id, organisationId: invitation.organisationId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "organisation.member_joined",
      entityType: "Organisation",
      entityId: invitation.organisationId,
      data: { invitationId: invitation.id },
    });
    // The owners hear who joined: only owners invite, so this is the inviter
    // while they still manage the organisation, and whoever does now.
    const owners = await organisationMembers(tx, invitation.organisationId, { roles: ["OWNER"] });
    const joined = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } });
    const readers = owners.filter((id) => id !== user.id);
    await notify(
      tx,
      noticesFor(readers, {
        kind: "membership.invitation_accepted",
        link: `/orgs/${invitation.organisationId}`,
        values: { member: joined.name, organisation: invitation.organisation.name },
      }),
    );
    return {
      status: "accepted" as const,
      organisationId: invitation.organisationId,
      organisationName: invitation.organisation.name,
    };
  });
}

export async function cancelInvitation(
  actorId: string,
  organisationId: string,
  invitationId: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const deleted = await tx.invitation.deleteMany({ where: { id: invitationId, organisationId, acceptedAt: null } });
    if (deleted.count === 0) return false;
    await recordAudit(tx, {
      actorId,
      action: "organisation.invitation_cancelled",
      entityType: "Organisation",
      entityId: organisationId,
      data: { invitationId },
    });
    return true;
  });
}

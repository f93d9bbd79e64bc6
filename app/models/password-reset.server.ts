import { db } from "~/db.server";
import { recordAudit } from "./audit.server";
import { enqueueMail } from "./mail-outbox.server";
import { hashPassword } from "~/utils/password.server";
import { createToken, hashToken } from "~/utils/token.server";
import { normaliseEmail } from "./user.server";

export const RESET_TTL_MS = 60 * 60 * 1000;

type ResetEmailText = (vars: { name: string; link: string }) => { subject: string; text: string };

// Says nothing about whether the address has an account: the caller shows
// the same message either way.
export async function requestPasswordReset(email: string, baseUrl: string, compose: ResetEmailText): Promise<void> {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user) return;
  const { token, tokenHash } = createToken();
  const link = new URL(`/reset-password/${token}`, baseUrl).toString();
  // Queued with the token, sent by the mail worker (retried while SMTP is
  // down). The text is in the page's language (compose): the person asking
  // is the reader.
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
    });
    await enqueueMail(tx, [
      { to: user.email, ...compose({ name: user.name, link }), kind: "auth.password_reset", userId: user.id },
    ]);
  });
}

export async function findUsableResetToken(token: string) {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.usedAt || row.expiresAt.getTime() < Date.now()) return null;
  return row;
}

// Marking the token used and ending every session happen in the same
// transaction as the new hash, so a half-done reset cannot leave a usable link.
export async function resetPassword(token: string, newPassword: string): Promise<"reset" | "stale"> {
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) return "stale" as const;
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: row.userId } });
    await tx.passwordResetToken.updateMany({
      where: { userId: row.userId, usedAt: null },
      data: { usedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: row.userId,
      action: "user.password_reset",
      entityType: "User",
      entityId: row.userId,
    });
    return "reset" as const;
  });
}

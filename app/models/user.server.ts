import { db, type PlatformRole } from "~/db.server";
import { recordAudit } from "./audit.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export type PublicUser = { id: string; email: string; name: string; role: PlatformRole };

const publicFields = { id: true, email: true, name: true, role: true } as const;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: normaliseEmail(email) }, select: publicFields });
}

// `language`: the page language at sign-up (issue 14), used for every email and notice; default "vi".
export async function createUser(input: {
  email: string;
  name: string;
  password: string;
  role?: PlatformRole;
  language?: "vi" | "en";
}) {
  const passwordHash = await hashPassword(input.password);
  return db.user.create({
    data: {
      email: normaliseEmail(input.email),
      name: input.name.normalize("NFC").trim(),
      passwordHash,
      role: input.role ?? "USER",
      language: input.language ?? "vi",
    },
    select: publicFields,
  });
}

export async function verifyLogin(email: string, password: string): Promise<PublicUser | null> {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user) return null;
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function updateProfile(userId: string, input: { name: string }) {
  return db.user.update({
    where: { id: userId },
    data: { name: input.name.normalize("NFC").trim() },
    select: publicFields,
  });
}

// A new password ends every other session: whoever had the old one is out.
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionId: string | null,
): Promise<"changed" | "wrong-current-password"> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) return "wrong-current-password";
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
    await recordAudit(tx, { actorId: userId, action: "user.password_changed", entityType: "User", entityId: userId });
  });
  return "changed";
}

export async function listUsers() {
  return db.user.findMany({ orderBy: { createdAt: "asc" }, select: { ...publicFields, createdAt: true } });
}

export async function setPlatformRole(actorId: string, userId: string, role: PlatformRole) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
    const user = await tx.user.update({ where: { id: userId }, data: { role }, select: publicFields });
    await recordAudit(tx, {
      actorId,
      action: "user.role_changed",
      entityType: "User",
      entityId: userId,
      before,
      after: { role },
    });
    return user;
  });
}

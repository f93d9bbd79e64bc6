import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "~/db.server";
import { deliverDueMail } from "~/models/mail-outbox.server";
import { createOrganisation } from "~/models/organisation.server";
import { createUser } from "~/models/user.server";

export const TEST_PASSWORD = "mật khẩu thử nghiệm 123";

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@test.example.vn`;
}

export async function makeUser(options: { role?: "USER" | "STAFF" | "ADMIN"; name?: string } = {}) {
  return createUser({
    email: uniqueEmail(options.role?.toLowerCase() ?? "user"),
    name: options.name ?? "Nguyễn Thị Thử",
    password: TEST_PASSWORD,
    role: options.role,
  });
}

export async function makeOrganisation(ownerId: string, name = `Công ty Thử nghiệm ${randomUUID().slice(0, 6)}`) {
  return createOrganisation(ownerId, { name, kind: "PROVIDER", taxCode: null });
}

export async function addMember(userId: string, organisationId: string, role: "OWNER" | "MEMBER" = "MEMBER") {
  return db.membership.create({ data: { userId, organisationId, role } });
}

export type OutboxMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

// Mail is queued in MailOutbox by the models and sent by a worker the test
// server does not run, so reading the outbox first sends what is due, as the
// worker would, into MAIL_OUTBOX_DIR.
export async function readOutbox(to: string): Promise<OutboxMessage[]> {
  await deliverDueMail();
  const dir = process.env.MAIL_OUTBOX_DIR!;
  const files = await fs.readdir(dir).catch(() => [] as string[]);
  const messages = await Promise.all(
    files.sort().map(async (file) => JSON.parse(await fs.readFile(path.join(dir, file), "utf8")) as OutboxMessage),
  );
  return messages.filter((m) => m.to === to);
}

export function linkIn(message: OutboxMessage): string {
  const match = message.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in email "${message.subject}"`);
  return new URL(match[0]).pathname;
}

import { db, type Db } from "~/db.server";
import { env } from "~/env.server";
import { sendEmail } from "~/models/email.server";
import { logger } from "~/utils/logger.server";

type Tx = Pick<Db, "notification">;

export type NotificationInput = {
  userId: string;
  // Where the email goes; null for in-app only.
  email: string | null;
  kind: string;
  title: string;
  body: string;
  // A path on this site, e.g. /staff/matches/abc.
  link?: string;
};

export const appBaseUrl = () => env.APP_URL ?? `http://localhost:${env.PORT}`;

// Written inside the caller's transaction, so a change and the notice of it
// land together. Emails are not sent here: a rolled-back transaction must not
// have mailed anyone, so callers pass the same inputs to `emailNotifications`
// after the commit.
export async function createNotifications(tx: Tx, inputs: NotificationInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.notification.createMany({
    data: inputs.map(({ userId, kind, title, body, link }) => ({ userId, kind, title, body, link: link ?? null })),
  });
}

// A failed send is logged, not thrown: the in-app notification already
// exists and the change it reports has been committed.
export async function emailNotifications(inputs: NotificationInput[]): Promise<void> {
  for (const input of inputs) {
    if (!input.email) continue;
    const link = input.link ? `\n\n${appBaseUrl()}${input.link}` : "";
    try {
      await sendEmail({ to: input.email, subject: input.title, text: `${input.body}${link}` });
    } catch (error) {
      logger.error({ err: error, to: input.email, kind: input.kind }, "notification email failed");
    }
  }
}

export async function listNotifications(userId: string, take = 50) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
}

export async function unreadNotificationCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

// Scoped by user, so one person can never mark another's notices read.
export async function markNotificationsRead(userId: string, ids?: string[]): Promise<number> {
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return result.count;
}

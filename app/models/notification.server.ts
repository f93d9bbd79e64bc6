import { db, type Db } from "~/db.server";
import { env } from "~/env.server";

type Tx = Pick<Db, "notification">;

export type NotificationInput = {
  userId: string;
  kind: string;
  title: string;
  body: string;
  // A path on this site, e.g. /staff/matches/abc.
  link?: string;
};

export const appBaseUrl = () => env.APP_URL ?? `http://localhost:${env.PORT}`;

/**
 * Writes in-app notices whose words are already final, with no email.
 * Events should call `notify` (notify.server.ts) instead: it writes the
 * notice in the reader's language and emails them as they chose.
 */
export async function createNotifications(tx: Tx, inputs: NotificationInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.notification.createMany({
    data: inputs.map(({ userId, kind, title, body, link }) => ({ userId, kind, title, body, link: link ?? null })),
  });
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

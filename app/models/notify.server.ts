// The one way to tell people about an event (issue 14). Call `notify` INSIDE
// the transaction that makes the change:
//
//   await db.$transaction(async (tx) => {
//     ...the change...
//     await notify(tx, (await organisationMembers(tx, statement.organisationId)).map((userId) => ({
//       userId, kind: "question.asked", link: `/problems/${statement.slug}#questions`,
//       values: { statement: statement.title, question: text },
//     })));
//   });
//
// For each notice it looks up the reader's language and preference, writes
// the in-app Notification (title and body in that language) and, when the
// reader wants email at once, a MailOutbox row (same transaction: a rolled-back
// change mails nobody; the mail worker sends it after the commit, retrying).
// With the preference "daily" the notice waits for the daily digest
// (daily-digest.server.ts); with "off" it is in the app only.
//
// Kinds, their groups and their values: app/models/notice-kinds.ts.
// Texts: app/i18n/features/notices.{vi,en}.ts.
import type { Db } from "~/db.server";
import { isLanguage, type Language } from "~/i18n/config";
import { enqueueMail, type QueuedEmail } from "./mail-outbox.server";
import { NOTICE_KINDS, type NoticeKind } from "./notice-kinds";
import { noticeUnsubscribeToken, preferencesFrom } from "./notice-preferences.server";
import { renderNotice, renderNoticeEmail, type NoticeValues } from "./notice-render.server";
import { appBaseUrl } from "./notification.server";

export type Notice = {
  /** The reader. Unknown ids are skipped (an account deleted meanwhile). */
  userId: string;
  kind: NoticeKind;
  /** A path on this site ("/problems/abc#q-1"); emails make it absolute with APP_URL. */
  link: string;
  /**
   * The kind's placeholders (see NOTICE_KINDS[kind].values); `amountVnd` and `<x>Key` are localised,
   * and `<x>En` (an offer's or major problem's English title) stands in for `<x>` for English readers.
   */
  values?: NoticeValues;
};

export type NotifyResult = { notified: number; emailed: number; digest: number };

export type NotifyTx = Pick<Db, "notification" | "user" | "mailOutbox" | "notificationPreference">;

/** Absolute URL on this site. */
export const absoluteUrl = (path: string) => new URL(path, `${appBaseUrl()}/`).toString();

export const NOTICE_SETTINGS_PATH = "/account/notifications";

/**
 * Writes the notices in the caller's transaction (see the top of this file).
 * The same reader, kind and link twice in one call is told once, so callers
 * may concatenate overlapping recipient lists.
 */
export async function notify(tx: NotifyTx, notices: Notice[]): Promise<NotifyResult> {
  const result: NotifyResult = { notified: 0, emailed: 0, digest: 0 };
  const seen = new Set<string>();
  const unique = notices.filter((notice) => {
    const key = `${notice.userId}\u0000${notice.kind}\u0000${notice.link}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return result;
  for (const notice of unique) {
    if (!Object.hasOwn(NOTICE_KINDS, notice.kind)) throw new Error(`unknown notice kind: ${notice.kind}`);
  }
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(unique.map((notice) => notice.userId))] } },
    select: {
      id: true,
      email: true,
      name: true,
      language: true,
      notificationPreferences: { select: { group: true, channel: true } },
    },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  const rows: Array<{
    userId: string;
    kind: string;
    title: string;
    body: string;
    link: string;
    digestPending: boolean;
  }> = [];
  const mail: QueuedEmail[] = [];
  for (const notice of unique) {
    const user = byId.get(notice.userId);
    if (!user) continue;
    const language: Language = isLanguage(user.language) ? user.language : "vi";
    const group = NOTICE_KINDS[notice.kind].group;
    const channel = preferencesFrom(user.notificationPreferences)[group];
    const rendered = renderNotice(notice.kind, notice.values ?? {}, language);
    rows.push({
      userId: user.id,
      kind: notice.kind,
      title: rendered.title,
      body: rendered.body,
      link: notice.link,
      digestPending: channel === "daily",
    });
    result.notified++;
    if (channel === "daily") result.digest++;
    if (channel !== "instant") continue;
    const email = renderNoticeEmail({
      language,
      name: user.name,
      notice: rendered,
      group,
      actionUrl: absoluteUrl(notice.link),
      unsubscribeUrl: absoluteUrl(`/unsubscribe/notices/${noticeUnsubscribeToken(user.id, group)}`),
      manageUrl: absoluteUrl(NOTICE_SETTINGS_PATH),
    });
    mail.push({ to: user.email, ...email, kind: notice.kind, userId: user.id });
    result.emailed++;
  }
  if (rows.length) await tx.notification.createMany({ data: rows });
  await enqueueMail(tx, mail);
  return result;
}

// ---- Who to tell ----------------------------------------------------------

type MemberTx = Pick<Db, "membership">;

/** Members of an organisation (optionally only some roles), as user ids. */
export async function organisationMembers(
  tx: MemberTx,
  organisationId: string,
  options: { roles?: Array<"OWNER" | "MEMBER"> } = {},
): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { organisationId, ...(options.roles ? { role: { in: options.roles } } : {}) },
    select: { userId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.userId);
}

/** Staff and admins of the platform (HiHUB), as user ids. */
export async function staffUsers(tx: Pick<Db, "user">): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { role: { in: ["STAFF", "ADMIN"] } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.id);
}

/** The same notice for several readers (ids may repeat; notify tells each once). */
export function noticesFor(userIds: Iterable<string>, notice: Omit<Notice, "userId">): Notice[] {
  return [...new Set(userIds)].map((userId) => ({ ...notice, userId }));
}

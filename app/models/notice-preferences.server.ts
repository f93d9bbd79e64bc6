// A person's language and how each group of notices reaches them by email
// (issue 14 part 2), and the one-click unsubscribe links that change them.
import { createHmac, timingSafeEqual } from "node:crypto";
import { db, type Db } from "~/db.server";
import { sessionSecret } from "~/env.server";
import { isLanguage, type Language } from "~/i18n/config";
import { recordAudit } from "./audit.server";
import {
  ALERTS_GROUP,
  DEFAULT_CHANNEL,
  NOTICE_GROUPS,
  isNoticeChannel,
  type AlertsChannel,
  type NoticeChannel,
  type NoticeGroup,
} from "./notice-kinds";

export type NoticePreferences = Record<NoticeGroup, NoticeChannel> & { [ALERTS_GROUP]: AlertsChannel };

type PrefTx = Pick<Db, "notificationPreference">;

/** Every group's channel, defaults filled in ("instant"; "weekly" for alerts). */
export async function noticePreferences(tx: PrefTx, userId: string): Promise<NoticePreferences> {
  const rows = await tx.notificationPreference.findMany({ where: { userId } });
  return preferencesFrom(rows);
}

export function preferencesFrom(rows: Array<{ group: string; channel: string }>): NoticePreferences {
  const prefs = Object.fromEntries(NOTICE_GROUPS.map((group) => [group, DEFAULT_CHANNEL])) as NoticePreferences;
  prefs[ALERTS_GROUP] = "weekly";
  for (const { group, channel } of rows) {
    if (group === ALERTS_GROUP) prefs[ALERTS_GROUP] = channel === "off" ? "off" : "weekly";
    else if ((NOTICE_GROUPS as readonly string[]).includes(group) && isNoticeChannel(channel))
      prefs[group as NoticeGroup] = channel;
  }
  return prefs;
}

/** Saves the channels given (others keep theirs). */
export async function setNoticePreferences(userId: string, changes: Partial<NoticePreferences>): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await noticePreferences(tx, userId);
    for (const [group, channel] of Object.entries(changes)) {
      if (!channel) continue;
      await tx.notificationPreference.upsert({
        where: { userId_group: { userId, group } },
        create: { userId, group, channel },
        update: { channel },
      });
    }
    await recordAudit(tx, {
      actorId: userId,
      action: "user.notice_preferences_changed",
      entityType: "User",
      entityId: userId,
      before,
      after: { ...before, ...changes },
    });
  });
}

export async function userLanguage(userId: string): Promise<Language> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { language: true } });
  return user && isLanguage(user.language) ? user.language : "vi";
}

export async function setUserLanguage(userId: string, language: Language): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { language: true } });
    await tx.user.update({ where: { id: userId }, data: { language } });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.language_changed",
      entityType: "User",
      entityId: userId,
      before,
      after: { language },
    });
  });
}

// ---- One-click unsubscribe ------------------------------------------------
// A token names a user and a scope (a group, or "daily" for the daily digest)
// and carries an HMAC with the server secret, so it needs no table and
// cannot be forged or moved to another person or group.

export type UnsubscribeScope = NoticeGroup | "daily";

function signature(userId: string, scope: string): string {
  return createHmac("sha256", sessionSecret).update(`notice-unsubscribe:${userId}:${scope}`).digest("base64url");
}

export function noticeUnsubscribeToken(userId: string, scope: UnsubscribeScope): string {
  return `${userId}.${scope}.${signature(userId, scope)}`;
}

export function readNoticeUnsubscribeToken(token: string): { userId: string; scope: UnsubscribeScope } | null {
  if (token.length > 200) return null;
  const [userId, scope, given, ...rest] = token.split(".");
  if (!userId || !scope || !given || rest.length) return null;
  if (scope !== "daily" && !(NOTICE_GROUPS as readonly string[]).includes(scope)) return null;
  const expected = Buffer.from(signature(userId, scope));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}

/**
 * Turns the token's group off (or, for "daily", every group now on the daily
 * digest). Returns the scope, or null for a bad token or a deleted account.
 */
export async function unsubscribeNotices(token: string): Promise<UnsubscribeScope | null> {
  const parsed = readNoticeUnsubscribeToken(token);
  if (!parsed) return null;
  const user = await db.user.findUnique({ where: { id: parsed.userId }, select: { id: true } });
  if (!user) return null;
  const current = await noticePreferences(db, parsed.userId);
  const groups =
    parsed.scope === "daily" ? NOTICE_GROUPS.filter((group) => current[group] === "daily") : [parsed.scope];
  await setNoticePreferences(parsed.userId, Object.fromEntries(groups.map((group) => [group, "off"])));
  return parsed.scope;
}

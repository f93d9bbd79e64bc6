// The daily digest (issue 14 part 2): notices whose reader chose "daily" for
// their group wait with Notification.digestPending; once a day each reader
// with any gets one email listing them, in their language. Run by the
// server's scheduler at 07:00 Hanoi time ("daily-digest" job) and by
// `npm run digest:daily` (cron). The claim (digestPending true -> false) and
// the queued email are one transaction, so a notice is mailed at most once
// even when two runs overlap, and never lost if the run dies half-way.
import { db } from "~/db.server";
import { isLanguage, type Language } from "~/i18n/config";
import { enqueueMail } from "./mail-outbox.server";
import { isNoticeKind } from "./notice-kinds";
import { noticeUnsubscribeToken } from "./notice-preferences.server";
import { renderDailyDigestEmail, translator } from "./notice-render.server";
import { NOTICE_SETTINGS_PATH, absoluteUrl } from "./notify.server";

export type DailyDigestReport = { users: number; emailed: number; notices: number };

const MAX_ENTRIES = 50;

export async function sendDailyDigests(): Promise<DailyDigestReport> {
  const waiting = await db.notification.findMany({
    where: { digestPending: true },
    select: { userId: true },
    distinct: ["userId"],
  });
  const report: DailyDigestReport = { users: waiting.length, emailed: 0, notices: 0 };
  for (const { userId } of waiting) {
    const sent = await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: { id: true, email: true, name: true, language: true },
      });
      const pending = await tx.notification.findMany({
        where: { userId, digestPending: true },
        orderBy: { createdAt: "asc" },
      });
      if (!user || pending.length === 0) return 0;
      const ids = pending.map((notice) => notice.id);
      const claimed = await tx.notification.updateMany({
        where: { id: { in: ids }, digestPending: true },
        data: { digestPending: false },
      });
      if (claimed.count !== ids.length) return 0; // another run took some; it mails them
      const language: Language = isLanguage(user.language) ? user.language : "vi";
      const t = translator(language);
      // The newest first when there are more than fit; all are in the app anyway.
      const shown = pending.slice(-MAX_ENTRIES);
      const email = renderDailyDigestEmail({
        language,
        name: user.name,
        entries: shown.map((notice) => ({
          title: notice.title,
          body: notice.body,
          actionUrl: absoluteUrl(notice.link ?? "/notifications"),
          action: isNoticeKind(notice.kind)
            ? t(`notices.kinds.${notice.kind}.action`)
            : t("curation.notifications.open"),
        })),
        unsubscribeUrl: absoluteUrl(`/unsubscribe/notices/${noticeUnsubscribeToken(user.id, "daily")}`),
        manageUrl: absoluteUrl(NOTICE_SETTINGS_PATH),
      });
      await enqueueMail(tx, [{ to: user.email, ...email, kind: "digest.daily", userId: user.id }]);
      return pending.length;
    });
    if (sent) {
      report.emailed++;
      report.notices += sent;
    }
  }
  return report;
}

/** 07:00 Hanoi time (UTC+7, no daylight saving), once a day across all processes. */
export const DAILY_DIGEST_AT = { hour: 7, minute: 0, utcOffsetMinutes: 7 * 60 };

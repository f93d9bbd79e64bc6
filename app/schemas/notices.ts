import { z } from "zod";
import { ALERTS_CHANNELS, NOTICE_CHANNELS, NOTICE_GROUPS } from "~/models/notice-kinds";

// The language of a person's emails and notices (/account, /account/notifications).
export const noticeLanguageSchema = z.object({
  language: z.enum(["vi", "en"], { errorMap: () => ({ message: "notices.prefs.invalidLanguage" }) }),
});

const channel = z.enum(NOTICE_CHANNELS, { errorMap: () => ({ message: "notices.prefs.invalid" }) });

// One radio group per notice group, plus the weekly alerts digest.
export const noticeChannelsSchema = z.object({
  ...(Object.fromEntries(NOTICE_GROUPS.map((group) => [group, channel])) as Record<
    (typeof NOTICE_GROUPS)[number],
    typeof channel
  >),
  alerts: z.enum(ALERTS_CHANNELS, { errorMap: () => ({ message: "notices.prefs.invalid" }) }),
});

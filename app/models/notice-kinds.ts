// The registry of notice kinds (issue 14). Every event that tells someone
// something is one kind here, with:
// - `group`: the preference row on /account/notifications it belongs to
//   (people choose "at once", "daily digest" or "off" per group, not per kind);
// - `values`: the placeholders its texts may use, which the caller passes in
//   `Notice.values` (see app/models/notify.server.ts for the conventions:
//   `amountVnd` is formatted as money in the reader's language, a value
//   named `<x>Key` is an i18n key translated into `<x>`, and `<x>En` is the
//   English wording of `<x>` that English readers get when it is not empty);
// - the texts themselves live in app/i18n/features/notices.{vi,en}.ts under
//   `notices.kinds.<kind>.{title,body,action}`.
// Adding a kind: add it here and in both catalogues; notice-kinds.test.ts
// checks that every placeholder is declared.
// Plain data, no server imports, so pages may import the groups.

export const NOTICE_GROUPS = [
  "questions",
  "proposals",
  "reviews",
  "matches",
  "deadlines",
  "money",
  "membership",
  "messages",
] as const;
export type NoticeGroup = (typeof NOTICE_GROUPS)[number];

/** "instant": an email at once; "daily": in the daily digest; "off": in the app only. */
export const NOTICE_CHANNELS = ["instant", "daily", "off"] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export const DEFAULT_CHANNEL: NoticeChannel = "instant";

/** The weekly alerts digest (app/models/weekly-digest.server.ts) is a preference row of its own. */
export const ALERTS_GROUP = "alerts";
export const ALERTS_CHANNELS = ["weekly", "off"] as const;
export type AlertsChannel = (typeof ALERTS_CHANNELS)[number];

type KindDefinition = { group: NoticeGroup; values: readonly string[] };

export const NOTICE_KINDS = {
  // Questions on a problem statement.
  "question.asked": { group: "questions", values: ["statement", "question"] },
  "question.answered": { group: "questions", values: ["statement", "question"] },
  // Proposals.
  "proposal.received": { group: "proposals", values: ["statement", "provider", "offer"] },
  "proposal.received_major": { group: "proposals", values: ["problem", "provider", "offer"] },
  "proposal.shortlisted": { group: "proposals", values: ["statement", "offer"] },
  "proposal.selected": { group: "proposals", values: ["statement", "offer"] },
  // `reason` (or `reasonKey`) and `note` ("" when there is none).
  "proposal.declined": { group: "proposals", values: ["statement", "offer", "reason", "note"] },
  "proposal.withdrawn": { group: "proposals", values: ["statement", "provider", "offer"] },
  // Review decisions by staff.
  "offer.published": { group: "reviews", values: ["offer"] },
  "offer.changes_requested": { group: "reviews", values: ["offer", "reason"] },
  "offer.revision_approved": { group: "reviews", values: ["offer"] },
  "offer.revision_refused": { group: "reviews", values: ["offer", "reason"] },
  "statement.published": { group: "reviews", values: ["statement"] },
  "statement.sent_back": { group: "reviews", values: ["statement", "reason"] },
  // Matches curated by staff.
  "match.introduced": { group: "matches", values: ["offer", "provider", "problem", "agency"] },
  // `stage` (or `stageKey`), `date`, `reason` ("" unless dropped).
  "match.stage_changed": { group: "matches", values: ["offer", "provider", "problem", "stage", "date", "reason"] },
  // Deadlines and reminders.
  "statement.closing_soon": { group: "deadlines", values: ["statement", "date"] },
  "major_problem.overdue": { group: "deadlines", values: ["problem", "date"] },
  // `offers`: one line per offer.
  "offer.stale": { group: "deadlines", values: ["count", "offers"] },
  // Money. `amount` comes from `amountVnd` (a number of đồng).
  "order.paid": { group: "money", values: ["offer", "package", "buyer", "amount", "id"] },
  "order.refunded": { group: "money", values: ["offer", "package", "amount", "id"] },
  "order.cancelled": { group: "money", values: ["offer", "package", "buyer", "id"] },
  "order.stranded_cancelled": { group: "money", values: ["offer", "id"] },
  "plan.renewal_failed": { group: "money", values: ["organisation", "plan"] },
  // Issue 14 part 1: the buyer's side of an order (the kinds above speak to the provider).
  "order.paid_buyer": { group: "money", values: ["offer", "package", "provider", "amount", "id"] },
  "order.cancelled_buyer": { group: "money", values: ["offer", "package", "member", "id"] },
  // Membership.
  "membership.invitation_accepted": { group: "membership", values: ["member", "organisation"] },
  // `role` (or `roleKey`, e.g. "roles.OWNER"... any catalogue key).
  "membership.role_changed": { group: "membership", values: ["organisation", "role"] },
  "organisation.verified": { group: "membership", values: ["organisation"] },
  // Private messages on a deal (issue 14 part 4).
  "message.received": { group: "messages", values: ["subject", "sender", "excerpt"] },
} as const satisfies Record<string, KindDefinition>;

export type NoticeKind = keyof typeof NOTICE_KINDS;

export function isNoticeKind(value: string): value is NoticeKind {
  return Object.hasOwn(NOTICE_KINDS, value);
}

export function groupOf(kind: NoticeKind): NoticeGroup {
  return NOTICE_KINDS[kind].group;
}

export function isNoticeChannel(value: unknown): value is NoticeChannel {
  return NOTICE_CHANNELS.includes(value as NoticeChannel);
}

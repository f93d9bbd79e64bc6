// The weekly alert email: one per person, combining all their subscriptions,
// listing only public items first published since that subscription was last
// sent (or in the last 7 days). Nothing new, no email. Run weekly by
// `npm run digest:weekly`; a second run in the same week sends nothing.
import { db, type SubscriptionKind } from "~/db.server";
import { enqueueMail } from "~/models/mail-outbox.server";
import { ALERTS_GROUP } from "~/models/notice-kinds";
import { plainTextHtml, translator } from "~/models/notice-render.server";
import { rankNeedsForOffer, rankOffersFor } from "~/models/match-ranking.server";
import { appBaseUrl } from "~/models/notification.server";
import { localised } from "~/models/public-api/shared.server";
import { parseSearch, publicPath, runSearch } from "~/models/search-request.server";
import { MAX_PER_PAGE, searchQueryString } from "~/schemas/search";
import { unsubscribeToken } from "~/models/subscription.server";
import type { SearchDocType } from "../../search/types.ts";
import { termSuggester } from "./classify.server";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
// Hanoi has no daylight saving: weeks start on Monday 00:00 at UTC+7.
const HANOI_OFFSET_MS = 7 * 3_600_000;
const MAX_ITEMS_PER_SECTION = 10;
const MATCH_LIMIT = 30;
// Below this a ranked need or offer shares words but rarely fits: on the demo
// data each offer's best need scores 0.85–0.91 and the tail sits at 0.27–0.58.
const MIN_FIT_SCORE = 0.4;

export type DigestItem = {
  key: string;
  type: SearchDocType;
  id: string;
  title: string;
  /** The English title, for English readers; null where nobody translated it (statements have none). */
  titleEn: string | null;
  url: string;
  organisationId: string | null;
  firstPublishedAt: Date;
  sectors: string[];
};

// `optedOut`: people who turned the weekly digest off on /account/notifications.
export type DigestReport = {
  users: number;
  sent: number;
  skippedThisWeek: number;
  nothingNew: number;
  failed: number;
  optedOut: number;
};

export function weekStart(now: Date): Date {
  const local = new Date(now.getTime() + HANOI_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - sinceMonday);
  return new Date(midnight - HANOI_OFFSET_MS);
}

/**
 * Everything public first published after `since`: published offers, open
 * published problem statements, and major problems whose first appearance in
 * a published version of their list is recent and which are in the latest one.
 */
export async function newPublicItems(since: Date): Promise<Map<string, DigestItem>> {
  const items = new Map<string, DigestItem>();
  const add = (item: DigestItem) => items.set(item.key, item);
  const offers = await db.offer.findMany({
    where: { status: "PUBLISHED", publishedAt: { gt: since } },
    select: {
      id: true,
      slug: true,
      titleVi: true,
      titleEn: true,
      organisationId: true,
      publishedAt: true,
      terms: { select: { term: { select: { kind: true, slug: true } } } },
    },
  });
  for (const offer of offers) {
    add({
      key: `offer:${offer.id}`,
      type: "offer",
      id: offer.id,
      title: offer.titleVi,
      titleEn: offer.titleEn,
      url: publicPath("offer", offer.slug),
      organisationId: offer.organisationId,
      firstPublishedAt: offer.publishedAt!,
      sectors: offer.terms.filter((link) => link.term.kind === "SECTOR").map((link) => link.term.slug),
    });
  }
  const statements = await db.problemStatement.findMany({
    where: { status: "PUBLISHED", publishedAt: { gt: since } },
    select: {
      id: true,
      slug: true,
      title: true,
      context: true,
      organisationId: true,
      publishedAt: true,
      majorProblem: { select: { sector: { select: { slug: true } } } },
    },
  });
  // Statements carry no terms; the linked major problem's sector, else the classifier's.
  const suggest = statements.length ? await termSuggester() : null;
  for (const statement of statements) {
    const linked = statement.majorProblem?.sector?.slug;
    const sectors = linked
      ? [linked]
      : suggest!({ title: statement.title, body: statement.context }, { limit: 1, minScore: 2 }).sectors.map(
          (term) => term.slug,
        );
    add({
      key: `problem:${statement.id}`,
      type: "problem",
      id: statement.id,
      title: statement.title,
      titleEn: null,
      url: publicPath("problem", statement.slug),
      organisationId: statement.organisationId,
      firstPublishedAt: statement.publishedAt!,
      sectors,
    });
  }
  const recentVersions = await db.majorProblemListVersion.findMany({
    where: { publishedAt: { gt: since } },
    select: { listId: true },
  });
  for (const listId of new Set(recentVersions.map((version) => version.listId))) {
    const latest = await db.majorProblemListVersion.findFirst({
      where: { listId },
      orderBy: { number: "desc" },
      select: {
        list: { select: { slug: true } },
        items: {
          select: { majorProblemId: true, code: true, title: true, titleEn: true, sectorSlug: true, status: true },
        },
      },
    });
    if (!latest) continue;
    const ids = latest.items.map((item) => item.majorProblemId);
    const appearances = await db.majorProblemVersionItem.findMany({
      where: { majorProblemId: { in: ids } },
      select: { majorProblemId: true, version: { select: { publishedAt: true } } },
    });
    const firstAt = new Map<string, Date>();
    for (const { majorProblemId, version } of appearances) {
      const known = firstAt.get(majorProblemId);
      if (!known || version.publishedAt < known) firstAt.set(majorProblemId, version.publishedAt);
    }
    for (const item of latest.items) {
      const first = firstAt.get(item.majorProblemId);
      if (!first || first <= since || item.status === "WITHDRAWN" || item.status === "SOLVED") continue;
      add({
        key: `major-problem:${item.majorProblemId}`,
        type: "major-problem",
        id: item.majorProblemId,
        title: item.title,
        titleEn: item.titleEn,
        url: publicPath("major-problem", `${latest.list.slug}/${item.code}`),
        organisationId: null,
        firstPublishedAt: first,
        sectors: item.sectorSlug ? [item.sectorSlug] : [],
      });
    }
  }
  return items;
}

type Subscription = {
  id: string;
  kind: SubscriptionKind;
  organisationId: string | null;
  query: string | null;
  sectorSlug: string | null;
  label: string | null;
  lastSentAt: Date | null;
};

// The items of one subscription, newest first. Every candidate comes from
// `fresh` (public, new), so a saved search or a ranking can never bring in
// a draft or another organisation's unpublished work.
async function itemsFor(subscription: Subscription, fresh: DigestItem[]): Promise<DigestItem[]> {
  const byKey = new Map(fresh.map((item) => [item.key, item]));
  switch (subscription.kind) {
    case "SAVED_SEARCH": {
      const parsed = parseSearch(new URL(`http://localhost/search${subscription.query ?? ""}`));
      if (!parsed.ok) return [];
      // Anonymous on purpose: a digest shows only what the public can see.
      const result = await runSearch({ ...parsed.params, sort: "newest", page: 1, perPage: MAX_PER_PAGE }, null);
      return result.hits.flatMap((hit) => byKey.get(`${hit.type}:${hit.entityId}`) ?? []);
    }
    case "SECTOR":
      return fresh.filter((item) => subscription.sectorSlug && item.sectors.includes(subscription.sectorSlug));
    case "NEEDS_FOR_MY_OFFERS": {
      if (!fresh.some((item) => item.type !== "offer")) return [];
      const offers = await db.offer.findMany({
        where: { organisationId: subscription.organisationId ?? "", status: "PUBLISHED" },
        select: { id: true },
      });
      const best = new Map<string, number>();
      for (const offer of offers) {
        for (const need of await rankNeedsForOffer(offer.id, { limit: MATCH_LIMIT })) {
          const key =
            "statementId" in need.target
              ? `problem:${need.target.statementId}`
              : `major-problem:${need.target.majorProblemId}`;
          if (byKey.get(key)?.organisationId === subscription.organisationId) continue;
          if (byKey.has(key) && need.score >= MIN_FIT_SCORE) best.set(key, Math.max(best.get(key) ?? 0, need.score));
        }
      }
      return [...best].sort((a, b) => b[1] - a[1]).map(([key]) => byKey.get(key)!);
    }
    case "OFFERS_FOR_MY_NEEDS": {
      if (!fresh.some((item) => item.type === "offer")) return [];
      const statements = await db.problemStatement.findMany({
        where: { organisationId: subscription.organisationId ?? "", status: "PUBLISHED" },
        select: { id: true },
      });
      const best = new Map<string, number>();
      for (const statement of statements) {
        for (const ranked of await rankOffersFor({ statementId: statement.id }, { limit: MATCH_LIMIT })) {
          const key = `offer:${ranked.offerId}`;
          if (byKey.has(key) && ranked.score >= MIN_FIT_SCORE)
            best.set(key, Math.max(best.get(key) ?? 0, ranked.score));
        }
      }
      return [...best].sort((a, b) => b[1] - a[1]).map(([key]) => byKey.get(key)!);
    }
  }
}

type Section = { subscription: Subscription; items: DigestItem[] };

function parseQuery(query: string | null) {
  const parsed = parseSearch(new URL(`http://localhost/search${query ?? ""}`));
  return parsed.ok ? parsed.params : {};
}

type SectorNames = Map<string, { nameVi: string; nameEn: string }>;

// The same translator every notice email uses, so all email text is rendered one way.
type Language = { t: ReturnType<typeof translator>; english: boolean };

function sectionHeading({ t, english }: Language, subscription: Subscription, sectors: SectorNames): string {
  const sector =
    subscription.kind === "SECTOR" && subscription.sectorSlug ? sectors.get(subscription.sectorSlug) : undefined;
  const sectorName = sector ? (english ? sector.nameEn : sector.nameVi) : undefined;
  const label =
    sectorName ?? subscription.label ?? (subscription.kind === "SAVED_SEARCH" ? t("alerts.allResults") : "");
  const key = {
    SAVED_SEARCH: "sectionSearch",
    SECTOR: "sectionSector",
    NEEDS_FOR_MY_OFFERS: "sectionNeeds",
    OFFERS_FOR_MY_NEEDS: "sectionOffers",
  }[subscription.kind];
  return t(`alerts.digest.${key}` as "alerts.digest.sectionSearch", {
    label: subscription.kind === "SAVED_SEARCH" ? `“${label}”` : label,
  });
}

function renderText(language: Language, name: string, sections: Section[], sectors: SectorNames): string {
  const { t, english } = language;
  const base = appBaseUrl();
  const lines = [t("alerts.digest.greeting", { name }), "", t("alerts.digest.intro"), ""];
  for (const { subscription, items } of sections) {
    lines.push(`## ${sectionHeading(language, subscription, sectors)}`);
    for (const item of items.slice(0, MAX_ITEMS_PER_SECTION)) {
      const title = localised(english ? "en" : "vi", item.title, item.titleEn);
      lines.push(`- [${t(`alerts.digest.types.${item.type}`)}] ${title}`, `  ${base}${item.url}`);
    }
    if (items.length > MAX_ITEMS_PER_SECTION) {
      const more =
        subscription.kind === "SAVED_SEARCH"
          ? `/search${searchQueryString({ ...parseQuery(subscription.query), sort: "newest" })}`
          : subscription.kind === "SECTOR"
          ? `/search?sector=${subscription.sectorSlug ?? ""}&sort=newest`
          : `/search?type=${subscription.kind === "OFFERS_FOR_MY_NEEDS" ? "offer" : "problem"}&sort=newest`;
      lines.push(t("alerts.digest.more", { count: items.length - MAX_ITEMS_PER_SECTION, url: `${base}${more}` }));
    }
    lines.push(t("alerts.digest.unsubscribe", { url: `${base}/unsubscribe/${unsubscribeToken(subscription.id)}` }), "");
  }
  lines.push(t("alerts.digest.manage", { url: `${base}/account/alerts` }));
  return lines.join("\n");
}

class ClaimLost extends Error {}

export async function sendWeeklyDigests(now = new Date()): Promise<DigestReport> {
  const thisWeek = weekStart(now);
  const defaultSince = new Date(now.getTime() - WEEK_MS);
  const subscriptions = await db.subscription.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      userId: true,
      kind: true,
      organisationId: true,
      query: true,
      sectorSlug: true,
      label: true,
      lastSentAt: true,
      user: { select: { email: true, name: true, language: true } },
    },
  });
  const byUser = new Map<string, typeof subscriptions>();
  for (const subscription of subscriptions)
    byUser.set(subscription.userId, [...(byUser.get(subscription.userId) ?? []), subscription]);
  const report: DigestReport = {
    users: byUser.size,
    sent: 0,
    skippedThisWeek: 0,
    nothingNew: 0,
    failed: 0,
    optedOut: 0,
  };
  if (byUser.size === 0) return report;

  const sinceOf = (subscription: Subscription) => subscription.lastSentAt ?? defaultSince;
  const earliest = new Date(Math.min(...subscriptions.map((subscription) => sinceOf(subscription).getTime())));
  const fresh = [...(await newPublicItems(earliest)).values()].sort(
    (a, b) => b.firstPublishedAt.getTime() - a.firstPublishedAt.getTime(),
  );
  const [vi, en] = [translator("vi"), translator("en")];
  const sectors: SectorNames = new Map(
    (
      await db.taxonomyTerm.findMany({ where: { kind: "SECTOR" }, select: { slug: true, nameVi: true, nameEn: true } })
    ).map((term) => [term.slug, term]),
  );
  const memberships = await db.membership.findMany({
    where: { userId: { in: [...byUser.keys()] } },
    select: { userId: true, organisationId: true },
  });
  // The weekly digest is one of the notice channels: "off" on /account/notifications stops it.
  const optedOut = new Set(
    (
      await db.notificationPreference.findMany({
        where: { group: ALERTS_GROUP, channel: "off", userId: { in: [...byUser.keys()] } },
        select: { userId: true },
      })
    ).map((row) => row.userId),
  );

  for (const [userId, own] of byUser) {
    if (optedOut.has(userId)) {
      report.optedOut++;
      continue;
    }
    if (own.some((subscription) => subscription.lastSentAt && subscription.lastSentAt >= thisWeek)) {
      report.skippedThisWeek++;
      continue;
    }
    // A person's own organisations' listings are not news to them.
    const ownOrgs = new Set(memberships.filter((m) => m.userId === userId).map((m) => m.organisationId));
    const sections: Section[] = [];
    for (const subscription of own) {
      const since = sinceOf(subscription);
      const items = await itemsFor(
        subscription,
        fresh.filter(
          (item) => item.firstPublishedAt > since && !(item.organisationId && ownOrgs.has(item.organisationId)),
        ),
      );
      if (items.length) sections.push({ subscription, items });
    }
    if (sections.length === 0) {
      report.nothingNew++;
      continue;
    }
    const { email, name, language } = own[0]!.user;
    const english = language === "en";
    const t = english ? en : vi;
    const count = new Set(sections.flatMap((section) => section.items.map((item) => item.key))).size;
    // In the reader's language only.
    const text = renderText({ t, english }, name, sections, sectors);
    const subject = t("alerts.digest.subject", { count });
    // Claimed and queued in one transaction, so two runs started together (a
    // doubled cron entry) cannot both mail this person: the second claims
    // nothing. The mail worker sends it, retrying while SMTP is down.
    const ids = own.map((subscription) => subscription.id);
    const queued = await db
      .$transaction(async (tx) => {
        const claimed = await tx.subscription.updateMany({
          where: { userId, id: { in: ids }, OR: [{ lastSentAt: null }, { lastSentAt: { lt: thisWeek } }] },
          data: { lastSentAt: now },
        });
        if (claimed.count < ids.length) throw new ClaimLost();
        await enqueueMail(tx, [
          {
            to: email,
            subject,
            text,
            html: plainTextHtml(english ? "en" : "vi", subject, text),
            kind: "digest.weekly",
            userId,
            headers: {
              // Mail clients show their own unsubscribe button; it stops the first section's alert.
              "List-Unsubscribe": `<${appBaseUrl()}/unsubscribe/${unsubscribeToken(sections[0]!.subscription.id)}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
          },
        ]);
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof ClaimLost) return false;
        throw error;
      });
    if (!queued) {
      report.skippedThisWeek++;
      continue;
    }
    report.sent++;
  }
  return report;
}

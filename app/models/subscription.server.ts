// Alerts a person asked for: saved searches, followed sectors and "what fits
// my organisation" digests. Every write is scoped by the owner's user id, so
// one person can never change another's alerts.
import { createHmac, randomBytes } from "node:crypto";
import { db, type SubscriptionKind } from "~/db.server";
import { sessionSecret } from "~/env.server";
import { parseSearch } from "~/models/search-request.server";
import { hashToken } from "~/utils/token.server";
import { searchQueryString } from "~/schemas/search";
import { recordAudit } from "./audit.server";

export type MatchKind = Extract<SubscriptionKind, "NEEDS_FOR_MY_OFFERS" | "OFFERS_FOR_MY_NEEDS">;

// The unsubscribe token is derived from the subscription's id with the
// server secret, so every digest can carry the same working link while the
// database only keeps its SHA-256 (a leaked table unsubscribes nobody).
export function unsubscribeToken(subscriptionId: string): string {
  return createHmac("sha256", sessionSecret).update(`unsubscribe:${subscriptionId}`).digest("base64url");
}

/** Which alert kind an organisation of this kind may turn on, if any. */
export function matchKindFor(organisationKind: string): MatchKind | null {
  if (organisationKind === "PROVIDER" || organisationKind === "RESEARCH") return "NEEDS_FOR_MY_OFFERS";
  if (organisationKind === "AGENCY") return "OFFERS_FOR_MY_NEEDS";
  return null;
}

export async function listSubscriptions(userId: string) {
  return db.subscription.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

type NewSubscription = {
  kind: SubscriptionKind;
  organisationId?: string | null;
  query?: string | null;
  sectorSlug?: string | null;
  label?: string | null;
};

export type SubscribeOutcome = { status: "created" | "exists"; id: string };

async function subscribe(userId: string, input: NewSubscription): Promise<SubscribeOutcome> {
  return db.$transaction(async (tx) => {
    const existing = await tx.subscription.findFirst({
      where: {
        userId,
        kind: input.kind,
        organisationId: input.organisationId ?? null,
        query: input.query ?? null,
        sectorSlug: input.sectorSlug ?? null,
      },
      select: { id: true },
    });
    if (existing) return { status: "exists" as const, id: existing.id };
    // The id is only known after the insert; the placeholder hash never leaves this transaction.
    const created = await tx.subscription.create({
      data: { userId, ...input, unsubscribeTokenHash: `pending-${randomBytes(16).toString("hex")}` },
    });
    await tx.subscription.update({
      where: { id: created.id },
      data: { unsubscribeTokenHash: hashToken(unsubscribeToken(created.id)) },
    });
    await recordAudit(tx, {
      actorId: userId,
      action: "subscription.created",
      entityType: "Subscription",
      entityId: created.id,
      after: {
        kind: input.kind,
        organisationId: input.organisationId ?? null,
        query: input.query ?? null,
        sectorSlug: input.sectorSlug ?? null,
      },
    });
    return { status: "created" as const, id: created.id };
  });
}

/**
 * Saves a /search query string, normalised the way the search page writes
 * its own links (no page number), or null when it is not a valid search.
 */
export async function saveSearch(userId: string, rawQuery: string): Promise<SubscribeOutcome | null> {
  const parsed = parseSearch(new URL(`http://localhost/search${rawQuery.startsWith("?") ? rawQuery : `?${rawQuery}`}`));
  if (!parsed.ok) return null;
  const query = searchQueryString({ ...parsed.params, page: 1, sort: "relevance" });
  const label = parsed.params.q.trim() || null;
  return subscribe(userId, { kind: "SAVED_SEARCH", query, label });
}

/** Null when the slug is not a sector of the taxonomy. */
export async function followSector(userId: string, sectorSlug: string): Promise<SubscribeOutcome | null> {
  const sector = await db.taxonomyTerm.findUnique({ where: { kind_slug: { kind: "SECTOR", slug: sectorSlug } } });
  if (!sector) return null;
  return subscribe(userId, { kind: "SECTOR", sectorSlug, label: sector.nameVi });
}

/**
 * "Needs that fit my offers" (providers, research institutes) or "offers
 * that fit my open problems" (agencies). Null when the person is not a member
 * of the organisation or its kind has no such alert.
 */
export async function followMatches(userId: string, organisationId: string): Promise<SubscribeOutcome | null> {
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId, organisationId } },
    select: { organisation: { select: { kind: true, name: true } } },
  });
  const kind = membership ? matchKindFor(membership.organisation.kind) : null;
  if (!membership || !kind) return null;
  return subscribe(userId, { kind, organisationId, label: membership.organisation.name });
}

/** False when there is no such subscription of this person's. */
export async function deleteSubscription(userId: string, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const subscription = await tx.subscription.findFirst({ where: { id, userId } });
    if (!subscription) return false;
    await tx.subscription.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: userId,
      action: "subscription.deleted",
      entityType: "Subscription",
      entityId: id,
      before: { kind: subscription.kind, query: subscription.query, sectorSlug: subscription.sectorSlug },
    });
    return true;
  });
}

export async function findSubscriptionByToken(token: string) {
  if (!token || token.length > 200) return null;
  return db.subscription.findUnique({
    where: { unsubscribeTokenHash: hashToken(token) },
    select: { id: true, kind: true, label: true, query: true, sectorSlug: true },
  });
}

/** One-click unsubscribe from an email link: no sign-in, the token is the proof. */
export async function unsubscribeByToken(token: string): Promise<boolean> {
  const subscription = await findSubscriptionByToken(token);
  if (!subscription) return false;
  return db.$transaction(async (tx) => {
    const deleted = await tx.subscription.deleteMany({ where: { id: subscription.id } });
    if (deleted.count === 0) return false;
    await recordAudit(tx, {
      actorId: null,
      action: "subscription.unsubscribed",
      entityType: "Subscription",
      entityId: subscription.id,
      before: { kind: subscription.kind, query: subscription.query, sectorSlug: subscription.sectorSlug },
    });
    return true;
  });
}

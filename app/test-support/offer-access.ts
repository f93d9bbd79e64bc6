// The world the offers access matrix (app/routes/_catalogue+/offers.access.integration.test.ts)
// runs in: two providers, each with a long-lived draft and published offer
// with logos, a fresh offer per state-changing attempt, and the expectations
// several cases share.
import { db } from "~/db.server";
import { updateOffer } from "~/models/offer-editing.server";
import { type Actor, type World, SIGN_IN } from "./access-matrix";
import { checkedFile, fixtures, makeOffer, makeTerms, offerValue, type Terms } from "./offer-factories";
import { givePlan } from "./plan-factories";

export type Target = "own" | "other";
export let terms: Terms;
// Long-lived offers in each organisation, made once.
export const base: Record<
  Target,
  {
    draftId: string;
    draftSlug: string;
    draftLogo: string;
    publishedSlug: string;
    publishedLogo: string;
    orgId: string;
    ownerId: string;
  }
> = {
  own: { draftId: "", draftSlug: "", draftLogo: "", publishedSlug: "", publishedLogo: "", orgId: "", ownerId: "" },
  other: { draftId: "", draftSlug: "", draftLogo: "", publishedSlug: "", publishedLogo: "", orgId: "", ownerId: "" },
};
// A fresh offer for each state-changing attempt, so every attempt has something to change.
export const fresh: Record<Target, string> = { own: "", other: "" };

export const secretTitle = "Giải pháp bí mật của công ty khác";

export async function setup(world: World) {
  terms = await makeTerms();
  base.own.orgId = world.own;
  base.own.ownerId = world.ownOwnerId;
  base.other.orgId = world.other;
  base.other.ownerId = world.otherOwnerId;
  for (const target of ["own", "other"] as const) {
    const { orgId, ownerId } = base[target];
    // Every attempt below adds an offer; the Free plan's limit is not what is tested here.
    await givePlan(orgId);
    const title = target === "other" ? secretTitle : "Giải pháp nháp của chúng tôi";
    const draft = await makeOffer(orgId, ownerId, terms, {
      title,
      files: [await checkedFile("LOGO", "logo.jpg", fixtures.jpeg())],
    });
    const published = await makeOffer(orgId, ownerId, terms, {
      status: "PUBLISHED",
      files: [await checkedFile("LOGO", "logo.jpg", fixtures.jpeg())],
    });
    Object.assign(base[target], {
      draftId: draft.id,
      draftSlug: draft.slug,
      draftLogo: draft.media[0]!.storedName,
      publishedSlug: published.slug,
      publishedLogo: published.media[0]!.storedName,
    });
  }
}

export async function freshOffers(status: "DRAFT" | "SUBMITTED" | "PUBLISHED", withRevision = false) {
  for (const target of ["own", "other"] as const) {
    const offer = await makeOffer(base[target].orgId, base[target].ownerId, terms, { status });
    if (withRevision)
      await updateOffer(base[target].ownerId, base[target].orgId, offer.id, offerValue(terms, "Bản sửa chờ duyệt"), []);
    fresh[target] = offer.id;
  }
}

export const targetOf = (orgId: string): Target => (orgId === base.own.orgId ? "own" : "other");
export const offerState = (orgId: string) =>
  db.offer
    .findUniqueOrThrow({ where: { id: fresh[targetOf(orgId)] } })
    .then((o) => [o.status, o.titleVi, o.evidenceLevel, o.pendingRevision]);
// Outsiders of the organisation get 404 for its drafts; members and staff see them.
export const draftViewers: Record<Actor, number> = {
  anonymous: 404,
  outsider: 404,
  member: 200,
  owner: 200,
  staff: 200,
  admin: 200,
};
export const everyoneElse404 = { anonymous: SIGN_IN, outsider: 404, member: 404, owner: 404, staff: 404, admin: 404 };

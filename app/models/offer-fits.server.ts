// The reverse direction for providers: which open needs one of their
// published offers may fit, and proposing it to one of them in one click.
// Callers have already checked the viewer belongs to the offer's organisation.
import { db } from "~/db.server";
import type { MatchTarget } from "~/models/match-ranking.server";
import { createProposal, isProposableMajorStatus, type ProposalOutcome } from "~/models/proposal.server";
import {
  MatchingUnavailableError,
  type PublicNeed,
  needKey,
  rankedPublicNeeds,
  resolveNeeds,
} from "~/models/public-api/ranked-matches.server";
import { MAX_PITCH } from "~/schemas/problem-statement";
import type { QuickProposeInput } from "~/schemas/offer-fits";

export const FITS_SHOWN = 10;

const isOpen = (need: PublicNeed, now = Date.now()) =>
  need.type === "major-problem"
    ? isProposableMajorStatus(need.status)
    : !need.proposalDeadline || new Date(need.proposalDeadline).getTime() >= now;

async function proposedKeys(offerId: string): Promise<Set<string>> {
  const proposals = await db.proposal.findMany({
    where: { offerId },
    select: { majorProblemId: true, problemStatementId: true },
  });
  return new Set(
    proposals.map((p) =>
      p.majorProblemId
        ? needKey({ majorProblemId: p.majorProblemId })
        : needKey({ statementId: p.problemStatementId ?? "" }),
    ),
  );
}

export type OfferFits =
  | { status: "not-published" }
  | { status: "unavailable" }
  | {
      status: "ok";
      fits: {
        need: PublicNeed;
        target: MatchTarget;
        score: number;
        reasons: Awaited<ReturnType<typeof rankedPublicNeeds>>[number]["reasons"];
        proposed: boolean;
        open: boolean;
      }[];
    };

export async function offerFits(organisationId: string, offerId: string): Promise<OfferFits> {
  const offer = await db.offer.findFirst({ where: { id: offerId, organisationId }, select: { status: true } });
  // Only a published offer can be proposed, so suggesting needs for a draft would only frustrate.
  if (offer?.status !== "PUBLISHED") return { status: "not-published" };
  try {
    const [needs, proposed] = await Promise.all([rankedPublicNeeds(offerId, FITS_SHOWN), proposedKeys(offerId)]);
    return {
      status: "ok",
      fits: needs.map((entry) => ({
        ...entry,
        proposed: proposed.has(needKey(entry.target)),
        open: isOpen(entry.need),
      })),
    };
  } catch (error) {
    // The offer page must still work when the matching service does not.
    if (error instanceof MatchingUnavailableError) return { status: "unavailable" };
    throw error;
  }
}

// Written in Vietnamese whatever the provider's interface language: the
// agency and staff who read proposals work in Vietnamese.
export function defaultPitch(offer: { titleVi: string; summaryVi: string }): string {
  return `Chúng tôi đề xuất giải pháp “${offer.titleVi}”. ${offer.summaryVi}`.slice(0, MAX_PITCH);
}

export type QuickProposeResult = { outcome: ProposalOutcome | "not-found"; title: string };

/**
 * Proposes an organisation's offer to a public need with the default pitch.
 * createProposal re-checks everything that matters (the offer is published
 * and the user's, the need still takes proposals, no earlier proposal of this
 * offer), inside one transaction, so a double click makes one proposal.
 */
export async function quickPropose(
  userId: string,
  organisationId: string,
  offerId: string,
  input: QuickProposeInput,
): Promise<QuickProposeResult> {
  const offer = await db.offer.findFirst({
    where: { id: offerId, organisationId },
    select: { titleVi: true, summaryVi: true },
  });
  const target: MatchTarget =
    input.kind === "major-problem" ? { majorProblemId: input.targetId } : { statementId: input.targetId };
  const need = (await resolveNeeds([target])).get(needKey(target));
  if (!offer || !need) return { outcome: "not-found", title: "" };
  const { outcome } = await createProposal(userId, target, { offerId, pitch: defaultPitch(offer) }, null);
  return { outcome, title: need.title };
}

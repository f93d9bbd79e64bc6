// Matches ranked by the matching service, as the public sees them: the
// offers that fit a major problem or a statement, the needs an offer fits.
import type { TFunction } from "i18next";
import { db, type Prisma } from "~/db.server";
import type { Language } from "~/i18n/config";
import { rankNeedsForOffer, rankOffersFor, type MatchReason, type MatchTarget } from "~/models/match-ranking.server";
import { logger } from "~/utils/logger.server";
import { describeMatchReason } from "~/utils/match-reasons";
import { rememberUntilDataChanges } from "~/utils/remember.server";
import { getPublicMajorProblem, latestVersions, majorProblemJson } from "./major-problems.server";
import { offerRefJson, offerSelect, publishedOfferRow } from "./offers.server";
import { getPublicStatement, statementSelect, statementSummaryJson } from "./problem-statements.server";
import { organisationJson } from "./shared.server";

export class MatchingUnavailableError extends Error {
  constructor(cause: unknown) {
    super("matching unavailable", { cause });
    this.name = "MatchingUnavailableError";
  }
}

async function ranked<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    logger.error({ err: error }, "matching failed");
    throw new MatchingUnavailableError(error);
  }
}

const withText = (reasons: MatchReason[], t: TFunction) =>
  reasons.map((reason) => ({ ...reason, text: describeMatchReason(reason, t) }));
const roundScore = (score: number) => Math.round(score * 1000) / 1000;

// Pairs staff rejected stay out of public suggestions; the curation state
// itself (suggested, shortlisted, notes) is never part of a public answer.
async function rejectedPairs(where: Prisma.MatchWhereInput) {
  return db.match.findMany({
    where: { ...where, status: "REJECTED" },
    select: { offerId: true, majorProblemId: true, problemStatementId: true },
  });
}

async function offersForTarget(target: MatchTarget, limit: number, language: Language, t: TFunction) {
  const targetWhere =
    "majorProblemId" in target ? { majorProblemId: target.majorProblemId } : { problemStatementId: target.statementId };
  const rejected = new Set((await rejectedPairs(targetWhere)).map((pair) => pair.offerId));
  const offers = await ranked(() => rankOffersFor(target, { limit: limit + rejected.size }));
  const kept = offers.filter((offer) => !rejected.has(offer.offerId));
  const rows = await db.offer.findMany({
    where: { id: { in: kept.map((offer) => offer.offerId) }, status: "PUBLISHED" },
    select: offerSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return kept
    .filter((offer) => byId.has(offer.offerId))
    .slice(0, limit)
    .map((offer) => ({
      offer: offerRefJson(byId.get(offer.offerId)!, language),
      score: roundScore(offer.score),
      reasons: withText(offer.reasons, t),
    }));
}

export async function majorProblemMatches(
  code: string,
  listSlug: string | undefined,
  limit: number,
  language: Language,
  t: TFunction,
) {
  const problem = await getPublicMajorProblem(code, listSlug);
  if (!problem) return null;
  return { problem, matches: await offersForTarget({ majorProblemId: problem.id }, limit, language, t) };
}

export async function statementMatches(slug: string, limit: number, language: Language, t: TFunction) {
  const problem = await getPublicStatement(slug);
  if (!problem) return null;
  return { problem, matches: await offersForTarget({ statementId: problem.id }, limit, language, t) };
}

export type PublicNeed =
  | {
      type: "major-problem";
      id: string;
      code: string;
      title: string;
      status: string;
      list: { slug: string; name: string };
      url: string;
    }
  | {
      type: "problem-statement";
      id: string;
      slug: string;
      title: string;
      status: string;
      proposalDeadline: string | null;
      organisation: ReturnType<typeof organisationJson>;
      url: string;
    };

/**
 * The public face of ranked needs, in the ranking's order: major problems as
 * their list's latest published version shows them, statements only while
 * published. Anything else the ranking returned is dropped, never shown.
 */
export async function resolveNeeds(targets: MatchTarget[]): Promise<Map<string, PublicNeed>> {
  const majorIds = targets.flatMap((target) => ("majorProblemId" in target ? [target.majorProblemId] : []));
  const statementIds = targets.flatMap((target) => ("statementId" in target ? [target.statementId] : []));
  const needs = new Map<string, PublicNeed>();
  if (majorIds.length) {
    const versions = await latestVersions();
    const byVersion = new Map(versions.map((entry) => [entry.version.id, entry]));
    const items = await db.majorProblemVersionItem.findMany({
      where: { majorProblemId: { in: majorIds }, versionId: { in: [...byVersion.keys()] } },
    });
    for (const item of items) {
      const json = majorProblemJson(item, byVersion.get(item.versionId)!);
      needs.set(needKey({ majorProblemId: item.majorProblemId }), {
        type: "major-problem",
        id: json.id,
        code: json.code,
        title: json.title,
        status: json.status,
        list: { slug: json.list.slug, name: json.list.name },
        url: json.url,
      });
    }
  }
  if (statementIds.length) {
    const rows = await db.problemStatement.findMany({
      where: { id: { in: statementIds }, status: "PUBLISHED" },
      select: statementSelect,
    });
    for (const row of rows) {
      const json = statementSummaryJson(row);
      needs.set(needKey({ statementId: row.id }), {
        type: "problem-statement",
        id: json.id,
        slug: json.slug,
        title: json.title,
        status: json.status,
        proposalDeadline: json.proposalDeadline,
        organisation: json.organisation,
        url: json.url,
      });
    }
  }
  return needs;
}

export const needKey = (target: MatchTarget) =>
  "majorProblemId" in target ? `major:${target.majorProblemId}` : `statement:${target.statementId}`;

/** Needs that fit an offer, public ones only, staff-rejected pairs left out. */
async function rankPublicNeeds(offerId: string, limit: number) {
  const rejected = new Set(
    (await rejectedPairs({ offerId })).map((pair) =>
      pair.majorProblemId
        ? needKey({ majorProblemId: pair.majorProblemId })
        : needKey({ statementId: pair.problemStatementId ?? "" }),
    ),
  );
  const needs = (await ranked(() => rankNeedsForOffer(offerId, { limit: limit + rejected.size }))).filter(
    (need) => !rejected.has(needKey(need.target)),
  );
  const resolved = await resolveNeeds(needs.map((need) => need.target));
  return needs
    .filter((need) => resolved.has(needKey(need.target)))
    .slice(0, limit)
    .map((need) => ({
      need: resolved.get(needKey(need.target))!,
      target: need.target,
      score: roundScore(need.score),
      reasons: need.reasons,
    }));
}

// The public needs an offer may fit, ranked: the same for every viewer, asked
// for by the provider's offer page and the API on every load, and some forty
// queries to compute. Remembered until the data changes.
export const rankedPublicNeeds = rememberUntilDataChanges(rankPublicNeeds, {
  key: (offerId, limit) => `${offerId} ${limit}`,
  max: 2000,
});

export async function offerMatches(slug: string, limit: number, language: Language, t: TFunction) {
  const row = await publishedOfferRow(slug);
  if (!row) return null;
  const needs = await rankedPublicNeeds(row.id, limit);
  return {
    offer: offerRefJson(row, language),
    matches: needs.map(({ need, score, reasons }) => ({ need, score, reasons: withText(reasons, t) })),
  };
}

// Ranked matches between needs (the city's major problems, agencies' problem
// statements) and published offers, with reasons. The ranking itself lives in
// search/match/ (no database, so the benchmark runs it on 100,000 offers);
// this module reads what it needs from the database: texts, declared terms,
// prices, references and the staff's approve/reject decisions.
import { db } from "~/db.server";
import { searchEngine, staffSynonymGroups } from "~/search-service.server";
import { TaxonomyClassifier } from "../../search/classify.ts";
import { MATCHING_GLOSSARY } from "../../search/lexicon/glossary.ts";
import type { SynonymIndex } from "../../search/query.ts";
import { buildMatchSynonyms } from "../../search/match/terms.ts";
import {
  buildTaxonomy,
  needWords,
  rankNeeds,
  rankOffers,
  type CuratedNeed,
  type MatchContext,
  type NeedFacts,
  type OfferFacts,
  type Taxonomy,
} from "../../search/match/rank.ts";
import type { MatchReason, TermRef } from "../../search/match/score.ts";

export type { MatchReason, TermRef };
// What offers are ranked against: a major problem (its working-copy id) or an
// agency's problem statement. The curation board keys its boards by the same type.
export type MatchTarget = { majorProblemId: string } | { statementId: string };
export type RankedOffer = { offerId: string; score: number; reasons: MatchReason[] };
export type RankedNeed = { target: MatchTarget; score: number; reasons: MatchReason[] };

// Taxonomy and thesaurus change rarely (staff edits); re-read them at most this often.
const CONTEXT_TTL_MS = 60_000;
let cached: { at: number; taxonomy: Taxonomy; synonyms: SynonymIndex } | null = null;

async function matchContext(): Promise<MatchContext> {
  if (!cached || Date.now() - cached.at > CONTEXT_TTL_MS) {
    const [terms, groups] = await Promise.all([
      db.taxonomyTerm.findMany({ select: { kind: true, slug: true, nameVi: true, nameEn: true } }),
      staffSynonymGroups(),
    ]);
    cached = {
      at: Date.now(),
      taxonomy: buildTaxonomy(new TaxonomyClassifier(terms), terms),
      synonyms: buildMatchSynonyms([...groups, ...MATCHING_GLOSSARY]),
    };
  }
  return { engine: await searchEngine(), synonyms: cached.synonyms, taxonomy: cached.taxonomy };
}

/** For tests and scripts that change the taxonomy or thesaurus. */
export function forgetMatchContext() {
  cached = null;
}

const termRef = (term: { slug: string; nameVi: string; nameEn: string }): TermRef => ({
  slug: term.slug,
  nameVi: term.nameVi,
  nameEn: term.nameEn,
});

function statementText(statement: {
  title: string;
  context: string;
  targetUsers: string | null;
  scopeOfWork: string;
  deliverable: string;
  successCriteria: string;
  constraints: string | null;
}) {
  return {
    title: statement.title,
    body: [
      statement.context,
      statement.targetUsers,
      statement.scopeOfWork,
      statement.deliverable,
      statement.successCriteria,
      statement.constraints,
    ]
      .filter(Boolean)
      .join("\n"),
  };
}

const statementSelect = {
  id: true,
  title: true,
  context: true,
  targetUsers: true,
  scopeOfWork: true,
  deliverable: true,
  successCriteria: true,
  constraints: true,
  desiredTrl: true,
  budgetMinVnd: true,
  budgetMaxVnd: true,
  majorProblem: { select: { sector: true } },
} as const;

async function loadNeed(target: MatchTarget) {
  if ("majorProblemId" in target) {
    const problem = await db.majorProblem.findUnique({
      where: { id: target.majorProblemId },
      include: { sector: true },
    });
    if (!problem) return null;
    return {
      key: `major:${problem.id}`,
      need: {
        text: { title: problem.title, body: problem.description },
        declaredSectors: problem.sector ? [termRef(problem.sector)] : [],
        wantedTrl: null,
        budgetMaxVnd: null,
      },
    };
  }
  const statement = await db.problemStatement.findUnique({
    where: { id: target.statementId },
    select: statementSelect,
  });
  if (!statement) return null;
  const budget = statement.budgetMaxVnd ?? statement.budgetMinVnd;
  return {
    key: `statement:${statement.id}`,
    need: {
      text: statementText(statement),
      declaredSectors: statement.majorProblem?.sector ? [termRef(statement.majorProblem.sector)] : [],
      wantedTrl: statement.desiredTrl,
      budgetMaxVnd: budget === null ? null : Number(budget),
    },
  };
}

const offerSelect = {
  id: true,
  organisationId: true,
  titleVi: true,
  titleEn: true,
  summaryVi: true,
  summaryEn: true,
  descriptionMd: true,
  tags: true,
  trl: true,
  contentUpdatedAt: true,
  terms: { select: { term: true } },
  packages: { select: { priceVnd: true } },
} as const;

/** Facts for the ranking; only the published offers among `ids` unless told otherwise. */
async function loadOfferFacts(ids: string[], publishedOnly = true): Promise<OfferFacts[]> {
  if (ids.length === 0) return [];
  const offers = await db.offer.findMany({
    where: { id: { in: ids }, ...(publishedOnly ? { status: "PUBLISHED" as const } : {}) },
    select: offerSelect,
  });
  // A provider's references count for every sector its published offers are in.
  const withReferences = await db.offer.findMany({
    where: {
      organisationId: { in: [...new Set(offers.map((offer) => offer.organisationId))] },
      status: "PUBLISHED",
      references: { some: {} },
    },
    select: {
      organisationId: true,
      terms: { where: { term: { kind: "SECTOR" } }, select: { term: { select: { slug: true } } } },
      _count: { select: { references: true } },
    },
  });
  const references = new Map<string, Record<string, number>>();
  for (const offer of withReferences) {
    const bySector = references.get(offer.organisationId) ?? {};
    for (const { term } of offer.terms) bySector[term.slug] = (bySector[term.slug] ?? 0) + offer._count.references;
    references.set(offer.organisationId, bySector);
  }
  return offers.map((offer) => {
    const prices = offer.packages.flatMap((pack) => (pack.priceVnd === null ? [] : [Number(pack.priceVnd)]));
    const terms = offer.terms.map((link) => link.term);
    return {
      id: offer.id,
      title: offer.titleVi,
      body: [offer.titleEn, offer.summaryVi, offer.summaryEn, offer.descriptionMd, offer.tags]
        .filter(Boolean)
        .join("\n"),
      declaredSectors: terms.filter((term) => term.kind === "SECTOR").map(termRef),
      declaredTechnologies: terms.filter((term) => term.kind === "TECHNOLOGY").map(termRef),
      trl: offer.trl,
      priceMinVnd: prices.length ? Math.min(...prices) : null,
      referencesBySector: references.get(offer.organisationId) ?? {},
      version: offer.contentUpdatedAt.toISOString(),
    };
  });
}

// Only recent decisions are read: enough to learn from, bounded in cost.
const CURATION_WINDOW = 5000;

/** Staff decisions grouped by need, with each need's words for similarity. */
export async function curatedNeeds(): Promise<CuratedNeed[]> {
  const decisions = await db.match.findMany({
    where: { status: { in: ["APPROVED", "REJECTED"] } },
    orderBy: { updatedAt: "desc" },
    take: CURATION_WINDOW,
    select: {
      offerId: true,
      status: true,
      majorProblemId: true,
      problemStatementId: true,
      majorProblem: { select: { title: true, description: true } },
      problemStatement: { select: statementSelect },
    },
  });
  const needs = new Map<string, CuratedNeed & { approved: string[]; rejected: string[] }>();
  for (const decision of decisions) {
    const key = decision.majorProblemId
      ? `major:${decision.majorProblemId}`
      : `statement:${decision.problemStatementId}`;
    let need = needs.get(key);
    if (!need) {
      const text = decision.majorProblem
        ? { title: decision.majorProblem.title, body: decision.majorProblem.description }
        : decision.problemStatement
        ? statementText(decision.problemStatement)
        : { title: "", body: "" };
      need = { key, words: needWords(text), approved: [], rejected: [] };
      needs.set(key, need);
    }
    (decision.status === "APPROVED" ? need.approved : need.rejected).push(decision.offerId);
  }
  return [...needs.values()];
}

/**
 * Published offers for a major problem (its working-copy id) or a problem
 * statement, best first, each with a 0..1 score and readable reasons. Offers
 * staff rejected for this need come last; an unknown target gives [].
 */
export async function rankOffersFor(target: MatchTarget, options: { limit: number }): Promise<RankedOffer[]> {
  const loaded = await loadNeed(target);
  if (!loaded) return [];
  const [context, curated] = await Promise.all([matchContext(), curatedNeeds()]);
  return rankOffers(context, loaded.need, {
    limit: options.limit,
    loadOffers: (ids) => loadOfferFacts(ids),
    needKey: loaded.key,
    curated,
  });
}

/** Ids of major problems in the latest published version of their list. */
async function publishedMajorProblems(ids: string[]) {
  if (ids.length === 0) return new Map<string, { title: string; description: string; sector: TermRef | null }>();
  const items = await db.majorProblemVersionItem.findMany({
    where: { majorProblemId: { in: ids } },
    select: {
      majorProblemId: true,
      title: true,
      description: true,
      status: true,
      sectorSlug: true,
      sectorNameVi: true,
      sectorNameEn: true,
      version: { select: { listId: true, number: true } },
    },
  });
  const latest = await db.majorProblemListVersion.groupBy({
    by: ["listId"],
    _max: { number: true },
    where: { listId: { in: [...new Set(items.map((item) => item.version.listId))] } },
  });
  const latestOf = new Map(latest.map((row) => [row.listId, row._max.number]));
  const result = new Map<string, { title: string; description: string; sector: TermRef | null }>();
  for (const item of items) {
    if (latestOf.get(item.version.listId) !== item.version.number) continue;
    if (item.status === "SOLVED" || item.status === "WITHDRAWN") continue;
    const sector = item.sectorSlug
      ? {
          slug: item.sectorSlug,
          nameVi: item.sectorNameVi ?? item.sectorSlug,
          nameEn: item.sectorNameEn ?? item.sectorSlug,
        }
      : null;
    result.set(item.majorProblemId, { title: item.title, description: item.description, sector });
  }
  return result;
}

async function loadNeedFacts(refs: { type: NeedFacts["type"]; id: string }[]): Promise<NeedFacts[]> {
  const statementIds = refs.filter((ref) => ref.type === "problem").map((ref) => ref.id);
  const [statements, problems] = await Promise.all([
    db.problemStatement.findMany({ where: { id: { in: statementIds }, status: "PUBLISHED" }, select: statementSelect }),
    publishedMajorProblems(refs.filter((ref) => ref.type === "major-problem").map((ref) => ref.id)),
  ]);
  const facts: NeedFacts[] = statements.map((statement) => {
    const budget = statement.budgetMaxVnd ?? statement.budgetMinVnd;
    return {
      type: "problem",
      id: statement.id,
      text: statementText(statement),
      declaredSectors: statement.majorProblem?.sector ? [termRef(statement.majorProblem.sector)] : [],
      wantedTrl: statement.desiredTrl,
      budgetMaxVnd: budget === null ? null : Number(budget),
    };
  });
  for (const [id, problem] of problems) {
    facts.push({
      type: "major-problem",
      id,
      text: { title: problem.title, body: problem.description },
      declaredSectors: problem.sector ? [problem.sector] : [],
      wantedTrl: null,
      budgetMaxVnd: null,
    });
  }
  return facts;
}

/**
 * Open published problem statements and major problems of the latest
 * published list versions that an offer could answer, best first. The caller
 * decides who may see suggestions for the offer; an unknown offer gives [].
 */
export async function rankNeedsForOffer(offerId: string, options: { limit: number }): Promise<RankedNeed[]> {
  const [offer] = await loadOfferFacts([offerId], false);
  if (!offer) return [];
  const context = await matchContext();
  const ranked = await rankNeeds(context, offer, { limit: options.limit, loadNeeds: loadNeedFacts });
  return ranked.map((item) => ({
    target: item.type === "problem" ? { statementId: item.id } : { majorProblemId: item.id },
    score: item.score,
    reasons: item.reasons,
  }));
}

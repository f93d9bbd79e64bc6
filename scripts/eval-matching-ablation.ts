// npx tsx scripts/eval-matching-ablation.ts [--dir DIR] [--tuning JSON] [--no-glossary] [--no-declared-sector] [--per-problem] [--limit N]
// A fast, engine-level twin of `npm run eval:matching` for trying ranking
// ideas: the dev set goes into an in-memory embedded index (documents built
// the way the app builds them from an import: tags that name a taxonomy term
// become declared terms, the rest stay keywords) and is ranked by the same
// search/match/ code, with tuning overrides. No database, so a run takes
// seconds; the figures that count come from eval:matching, which agrees
// within about ±0.01.
//
//   --tuning '{"terms":{"syllable":1},"fusion":{"sector":0}}'  overrides DEFAULT_TUNING (search/tuning/matching.ts)
//   --no-glossary          the staff thesaurus only (search/synonyms.ts)
//   --no-declared-sector   ignore the problems' own sector labels
//   --dir search/relevance/holdout2   another set with the same three files
//   --base-glossary        without the per-sector glossary (search/lexicon/glossary-sectors.ts)
//   --plain-thesaurus      thesaurus phrases matched folded only (before the spelling check)
//   --reverse              also rank problems for each judged offer (rankNeeds)
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedTerms } from "../prisma/seed-taxonomy.ts";
import { TaxonomyClassifier } from "../search/classify.ts";
import { EmbeddedSearchEngine } from "../search/embedded/engine.ts";
import { BASE_MATCHING_GLOSSARY, MATCHING_GLOSSARY } from "../search/lexicon/glossary.ts";
import { buildMatchSynonyms } from "../search/match/terms.ts";
import { sectorLabelReader } from "../search/match/sector-label.ts";
import { buildTaxonomy, rankNeeds, rankOffers, type MatchContext, type OfferFacts } from "../search/match/rank.ts";
import { buildSynonymIndex } from "../search/query.ts";
import { DEFAULT_TUNING } from "../search/tuning/matching.ts";
import { DEFAULT_SYNONYM_GROUPS } from "../search/synonyms.ts";
import type { SearchDocument } from "../search/types.ts";
import { meanOf, ndcgAtK, recallAtK } from "./bench/metrics.ts";
import { DATASET_SECTOR_TO_TAXONOMY } from "./eval-classify.ts";

const { values } = parseArgs({
  options: {
    tuning: { type: "string", default: "{}" },
    "no-glossary": { type: "boolean", default: false },
    "no-declared-sector": { type: "boolean", default: false },
    "per-problem": { type: "boolean", default: false },
    limit: { type: "string", default: "10" },
    dir: { type: "string" },
    "base-glossary": { type: "boolean", default: false },
    "plain-thesaurus": { type: "boolean", default: false },
    reverse: { type: "boolean", default: false },
  },
});

const relevanceDir = values.dir
  ? path.resolve(values.dir)
  : path.join(import.meta.dirname, "..", "search", "relevance");
const readJsonl = (file: string) =>
  fs
    .readFileSync(path.join(relevanceDir, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const offers = readJsonl("offers.jsonl") as {
  externalId: string;
  provider: string;
  title: string;
  description: string;
  tags?: string[];
  language: string;
}[];
const problems = readJsonl("problems.jsonl") as { code: string; title: string; description: string; sector?: string }[];
const qrels = new Map<string, Record<string, number>>();
for (const line of fs.readFileSync(path.join(relevanceDir, "match-qrels.tsv"), "utf8").split("\n")) {
  const [problem, , offer, grade] = line.trim().split(/\s+/);
  if (!problem || !offer) continue;
  qrels.set(problem, { ...qrels.get(problem), [offer]: Number(grade) });
}

const termByName = new Map<string, (typeof seedTerms)[number]>();
for (const term of seedTerms)
  for (const key of [term.slug, term.nameVi.toLowerCase(), term.nameEn.toLowerCase()])
    if (!termByName.has(key)) termByName.set(key, term);

const facts = new Map<string, OfferFacts>();
const documents = offers.map((offer): SearchDocument => {
  const tags = offer.tags ?? [];
  const declared = tags.flatMap((tag) => termByName.get(tag.toLowerCase()) ?? []);
  const keywords = tags.filter((tag) => !termByName.has(tag.toLowerCase()));
  const summary = offer.description.replace(/\s+/g, " ").slice(0, 280);
  const english = offer.language === "en" ? offer.title : null;
  facts.set(offer.externalId, {
    id: offer.externalId,
    title: offer.title,
    body: [english, summary, offer.description, keywords.join("; ")].filter(Boolean).join("\n"),
    declaredSectors: declared.filter((term) => term.kind === "SECTOR"),
    declaredTechnologies: declared.filter((term) => term.kind === "TECHNOLOGY"),
    trl: null,
    priceMinVnd: null,
    referencesBySector: {},
  });
  return {
    id: `offer:${offer.externalId}`,
    type: "offer",
    entityId: offer.externalId,
    slug: offer.externalId,
    title: offer.title,
    summary,
    body: [english, offer.description].filter(Boolean).join(" \n "),
    keywords: [...declared.flatMap((term) => [term.nameVi, term.nameEn]), ...keywords, offer.provider],
    published: true,
    organisationId: null,
    organisationName: offer.provider,
    sector: declared.filter((t) => t.kind === "SECTOR").map((t) => t.slug),
    technology: declared.filter((t) => t.kind === "TECHNOLOGY").map((t) => t.slug),
    trlBand: null,
    deployment: null,
    priceBand: null,
    evidenceLevel: null,
    orgKind: null,
    language: [offer.language],
    priceMin: null,
    publishedAt: null,
  };
});

const engine = new EmbeddedSearchEngine({ path: ":memory:" });
await engine.init();
await engine.upsert(documents);
const overrides = JSON.parse(values.tuning) as { terms?: object; fusion?: object } & Record<string, unknown>;
const context: MatchContext = {
  engine,
  synonyms: (values["plain-thesaurus"] ? buildSynonymIndex : buildMatchSynonyms)(
    values["no-glossary"]
      ? DEFAULT_SYNONYM_GROUPS
      : [...DEFAULT_SYNONYM_GROUPS, ...(values["base-glossary"] ? BASE_MATCHING_GLOSSARY : MATCHING_GLOSSARY)],
  ),
  taxonomy: buildTaxonomy(new TaxonomyClassifier(seedTerms), seedTerms),
  tuning: {
    ...overrides,
    terms: { ...DEFAULT_TUNING.terms, ...overrides.terms },
    fusion: { ...DEFAULT_TUNING.fusion, ...overrides.fusion },
  },
};
// As eval:matching: a dataset sector naming one taxonomy sector is declared;
// any other label is read as the import reads it.
const readSectorLabel = sectorLabelReader(seedTerms.filter((term) => term.kind === "SECTOR"));
const declaredSector = (sector: string | undefined) => {
  if (!sector || values["no-declared-sector"]) return [];
  const mapped =
    sector in DATASET_SECTOR_TO_TAXONOMY
      ? DATASET_SECTOR_TO_TAXONOMY[sector]
      : [readSectorLabel(sector)].filter((slug) => slug !== null);
  return mapped?.length === 1 ? seedTerms.filter((term) => term.kind === "SECTOR" && term.slug === mapped[0]) : [];
};

const limit = Number(values.limit);
const rows = [];
for (const problem of problems) {
  const judgements = qrels.get(problem.code) ?? {};
  const ranked = await rankOffers(
    context,
    {
      text: { title: problem.title, body: problem.description },
      declaredSectors: declaredSector(problem.sector),
      wantedTrl: null,
      budgetMaxVnd: null,
    },
    { limit, loadOffers: async (ids) => ids.flatMap((id) => facts.get(id) ?? []) },
  );
  const ids = ranked.map((match) => match.offerId);
  rows.push({
    code: problem.code,
    ndcg: ndcgAtK(ids, judgements, 10),
    recall: recallAtK(ids, judgements, limit, 2),
    ids,
    judgements,
  });
}
if (values["per-problem"])
  for (const row of rows)
    process.stdout.write(
      `${row.code}\t${row.ndcg?.toFixed(3)}\t${row.recall?.toFixed(3)}\t${row.ids
        .map((id) => `${id}:${row.judgements[id] ?? 0}`)
        .join(" ")}\n`,
    );
process.stdout.write(
  `nDCG@10 ${meanOf(rows.map((row) => row.ndcg))?.toFixed(3)}  recall@${limit} ${meanOf(
    rows.map((row) => row.recall),
  )?.toFixed(3)}\n`,
);
// --reverse: the other direction (rankNeeds, "needs that fit my offer"):
// problems are indexed too and every offer with a judgement ranks them.
if (values.reverse) {
  await engine.upsert(
    problems.map(
      (problem): SearchDocument => ({
        id: `major-problem:${problem.code}`,
        type: "major-problem",
        entityId: problem.code,
        slug: problem.code,
        title: problem.title,
        summary: "",
        body: problem.description,
        keywords: [],
        published: true,
        organisationId: null,
        organisationName: null,
        sector: declaredSector(problem.sector).map((t) => t.slug),
        technology: [],
        trlBand: null,
        deployment: null,
        priceBand: null,
        evidenceLevel: null,
        orgKind: null,
        language: [],
        priceMin: null,
        publishedAt: null,
      }),
    ),
  );
  const byOffer = new Map<string, Record<string, number>>();
  for (const [code, judgements] of qrels)
    for (const [offer, grade] of Object.entries(judgements))
      byOffer.set(offer, { ...byOffer.get(offer), [code]: grade });
  const needOf = new Map(problems.map((problem) => [problem.code, problem]));
  const reverse = [];
  for (const [offerId, judgements] of byOffer) {
    const offer = facts.get(offerId);
    if (!offer) continue;
    const ranked = await rankNeeds(context, offer, {
      limit: 10,
      loadNeeds: async (refs) =>
        refs.flatMap((ref) => {
          const problem = needOf.get(ref.id);
          return problem
            ? [
                {
                  ...ref,
                  text: { title: problem.title, body: problem.description },
                  declaredSectors: declaredSector(problem.sector),
                  wantedTrl: null,
                  budgetMaxVnd: null,
                },
              ]
            : [];
        }),
    });
    const ids = ranked.map((need) => need.id);
    reverse.push({ ndcg: ndcgAtK(ids, judgements, 10), recall: recallAtK(ids, judgements, 10, 2) });
  }
  process.stdout.write(
    `reverse (offer → needs, ${reverse.length} offers): nDCG@10 ${meanOf(reverse.map((row) => row.ndcg))?.toFixed(
      3,
    )}  recall@10 ${meanOf(reverse.map((row) => row.recall))?.toFixed(3)}\n`,
  );
}
await engine.close();

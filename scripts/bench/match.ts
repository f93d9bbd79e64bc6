// The "match" phase of `npm run bench:search`: problems → offers through the
// same engine-level ranking the app uses (search/match/rank.ts: weighted
// terms, similar(), classifier signals, fusion), on the generated offers.
// What the app reads from the database (offer facts) comes from the
// generator here; that stand-in is timed apart and left out of the figures.
// The classifier cache is cleared before every problem, so each one pays for
// reading its candidates: the worst case, not the warm one.
import fs from "node:fs";
import path from "node:path";
import { seedTerms } from "../../prisma/seed-taxonomy.ts";
import { TaxonomyClassifier } from "../../search/classify.ts";
import { MATCHING_GLOSSARY } from "../../search/lexicon/glossary.ts";
import { buildMatchSynonyms } from "../../search/match/terms.ts";
import {
  buildTaxonomy,
  clearMatchCaches,
  rankOffers,
  type MatchContext,
  type OfferFacts,
} from "../../search/match/rank.ts";
import { DEFAULT_SYNONYM_GROUPS } from "../../search/synonyms.ts";
import type { SearchEngine } from "../../search/types.ts";
import { summarise, type LatencySummary } from "./metrics.ts";
import { generateOffer } from "./offer-generator.ts";

export interface MatchPhaseResult extends LatencySummary {
  problems: number;
  emptyResults: number;
  /** Time spent building offer facts (the database's part in the app), mean per problem. */
  factsMeanMs: number;
}

// Used when the relevance set is not there: a few problems as agencies write them.
const FALLBACK_PROBLEMS = [
  {
    title: "Ùn tắc giao thông giờ cao điểm tại các nút giao",
    description:
      "Dòng phương tiện dồn ứ kéo dài, cảnh sát phải điều tiết bằng tay. Cần giải pháp rút ngắn thời gian chờ.",
  },
  {
    title: "Flooding after heavy rain in inner districts",
    description: "Streets flood within an hour of heavy rain; drainage crews learn about it from residents' calls.",
  },
  {
    title: "Người dân phải nộp lại giấy tờ nhiều lần",
    description: "Thủ tục hành chính yêu cầu bản sao chứng thực dù dữ liệu đã có trong cơ sở dữ liệu quốc gia.",
  },
  {
    title: "Hospitals overcrowded at morning check-in",
    description: "Patients queue for hours to register and pay; doctors see records on paper.",
  },
];

function loadProblems(relevanceDirectory: string) {
  const file = path.join(relevanceDirectory, "problems.jsonl");
  if (!fs.existsSync(file)) return FALLBACK_PROBLEMS;
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { title: string; description: string });
}

const TRL_OF_BAND: Record<string, number> = { "1-3": 2, "4-6": 5, "7-9": 8 };

export async function runMatchPhase(
  engine: SearchEngine,
  config: { seed: number; relevanceDirectory: string; runs: number; budgetMs: number },
): Promise<MatchPhaseResult> {
  const sectorNames = new Map(
    seedTerms.map((term) => [
      `${term.kind}:${term.slug}`,
      { slug: term.slug, nameVi: term.nameVi, nameEn: term.nameEn },
    ]),
  );
  const context: MatchContext = {
    engine,
    synonyms: buildMatchSynonyms([...DEFAULT_SYNONYM_GROUPS, ...MATCHING_GLOSSARY]),
    taxonomy: buildTaxonomy(new TaxonomyClassifier(seedTerms), seedTerms),
  };
  let factsMs = 0;
  const loadOffers = async (ids: string[]): Promise<OfferFacts[]> => {
    const started = performance.now();
    const facts = ids.flatMap((id) => {
      const offer = generateOffer(Number(id.slice("bench-".length)), { seed: config.seed });
      if (!offer.published) return [];
      return [
        {
          id,
          title: offer.title,
          body: `${offer.summary}\n${offer.body}`,
          declaredSectors: offer.sector.flatMap((slug) => sectorNames.get(`SECTOR:${slug}`) ?? []),
          declaredTechnologies: offer.technology.flatMap((slug) => sectorNames.get(`TECHNOLOGY:${slug}`) ?? []),
          trl: offer.trlBand ? TRL_OF_BAND[offer.trlBand] ?? null : null,
          priceMinVnd: offer.priceMin,
          referencesBySector: {},
        },
      ];
    });
    factsMs += performance.now() - started;
    return facts;
  };

  const problems = loadProblems(config.relevanceDirectory);
  const need = (index: number) => {
    const problem = problems[index % problems.length]!;
    return {
      text: { title: problem.title, body: problem.description },
      declaredSectors: [],
      wantedTrl: null,
      budgetMaxVnd: null,
    };
  };
  // Warm-up (JIT, SQLite page cache), not measured.
  for (let i = 0; i < Math.min(5, problems.length); i++)
    await rankOffers(context, need(i + 1), { limit: 20, loadOffers });

  const times: number[] = [];
  let emptyResults = 0;
  factsMs = 0;
  const phaseStart = performance.now();
  for (let run = 0; run < config.runs; run++) {
    if (performance.now() - phaseStart > config.budgetMs) break;
    clearMatchCaches();
    const factsBefore = factsMs;
    const started = performance.now();
    const ranked = await rankOffers(context, need(run), { limit: 20, loadOffers });
    times.push(performance.now() - started - (factsMs - factsBefore));
    if (ranked.length === 0) emptyResults += 1;
  }
  return {
    ...summarise(times),
    problems: problems.length,
    emptyResults,
    factsMeanMs: factsMs / Math.max(1, times.length),
  };
}

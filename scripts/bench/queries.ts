// Benchmark queries drawn the way people search the marketplace: the short
// phrases a sector's buyers type, words from real titles, place and brand
// names; a third typed without diacritics and a few with a typo. Derived from
// the generated offers, so they find something, and deterministic.
import { fold, isStopWord, tokenize } from "../../search/text.ts";
import type { FacetFilters, SearchVisibility } from "../../search/types.ts";
import { BRAND_HEADS, BRAND_TAILS, DISTRICTS, WARDS } from "./phrase-banks.ts";
import { bankOf, DEFAULT_SEED, DEPLOYMENTS, generateOffer, TRL_BANDS } from "./offer-generator.ts";
import { between, chance, pick, randomFor, type Random } from "./random.ts";

export interface BenchQuery {
  q: string;
  filters: FacetFilters;
  visibility?: SearchVisibility;
  source: "sector phrase" | "title words" | "place" | "brand";
  withoutDiacritics: boolean;
  typo: boolean;
}

const QUERY_SALT = 7_001;
const PREFIX_SALT = 7_002;

function meaningfulWords(text: string) {
  return tokenize(text)
    .filter((token) => !isStopWord(token))
    .map((token) => text.normalize("NFC").slice(token.start, token.end));
}

/** One realistic slip: two letters swapped, one dropped or one wrong; never the first letter. */
export function withTypo(random: Random, query: string): string {
  const words = query.split(" ");
  const candidates = words.map((word, index) => [word, index] as const).filter(([word]) => [...word].length >= 5);
  if (candidates.length === 0) return query;
  const [word, index] = pick(random, candidates);
  const letters = [...word];
  const at = between(random, 1, letters.length - 2);
  const kind = between(random, 0, 2);
  if (kind === 0) [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  else if (kind === 1) letters.splice(at, 1);
  else
    letters[at] = pick(
      random,
      [..."aeiounhtcg"].filter((letter) => letter !== letters[at]),
    );
  words[index] = letters.join("");
  return words.join(" ");
}

function span(random: Random, words: string[], max = 3) {
  const length = Math.min(words.length, between(random, 1, max));
  const start = between(random, 0, words.length - length);
  return words.slice(start, start + length).join(" ");
}

function filterFor(random: Random, index: number, seed: number): FacetFilters {
  const offer = generateOffer(index, { seed });
  const roll = random();
  if (roll < 0.5)
    return {
      sector: chance(random, 0.15)
        ? [...offer.sector, pick(random, bankOf(index + 1, seed).sectors)]
        : offer.sector.slice(0, 1),
    };
  if (roll < 0.75) return { trlBand: [pick(random, TRL_BANDS)] };
  if (roll < 0.9) return { deployment: [pick(random, DEPLOYMENTS)] };
  return { language: offer.language };
}

export function generateQueries(count: number, documentCount: number, seed = DEFAULT_SEED): BenchQuery[] {
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const random = randomFor(seed + QUERY_SALT, i);
    const index = Math.floor(random() * documentCount);
    const offer = generateOffer(index, { seed });
    const english = offer.language[0] === "en";
    const bank = bankOf(index, seed);
    const roll = random();
    let source: BenchQuery["source"];
    let q: string;
    if (roll < 0.5) {
      source = "sector phrase";
      q = pick(random, (english ? bank.en : bank.vi).searches);
    } else if (roll < 0.8) {
      source = "title words";
      q = span(random, meaningfulWords(offer.title), 3) || offer.title;
    } else if (roll < 0.9) {
      source = "place";
      const placeName = chance(random, 0.5) ? pick(random, DISTRICTS) : pick(random, WARDS);
      q = chance(random, 0.5) ? `${pick(random, bank.vi.searches).split(" ")[0]} ${placeName}` : placeName;
    } else {
      source = "brand";
      q = chance(random, 0.7)
        ? `${pick(random, BRAND_HEADS)}${pick(random, BRAND_TAILS)}`
        : span(random, meaningfulWords(offer.summary), 2);
    }
    q = q.split(" ").slice(0, 3).join(" ");
    const withoutDiacritics = !english && chance(random, 0.35);
    if (withoutDiacritics) q = fold(q);
    const typo = chance(random, 0.05);
    if (typo) q = withTypo(random, q);
    const visibility = chance(random, 0.1) ? { organisationIds: [offer.organisationId!] } : undefined;
    queries.push({ q, filters: filterFor(random, index, seed), visibility, source, withoutDiacritics, typo });
  }
  return queries;
}

/** What the box holds mid-word while someone types: the last word cut short. */
export function generatePrefixQueries(count: number, documentCount: number, seed = DEFAULT_SEED): string[] {
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const random = randomFor(seed + PREFIX_SALT, i);
    const index = Math.floor(random() * documentCount);
    const bank = bankOf(index, seed);
    const offer = generateOffer(index, { seed });
    const text = chance(random, 0.6)
      ? pick(random, (offer.language[0] === "en" ? bank.en : bank.vi).searches)
      : span(random, meaningfulWords(offer.title), 3);
    const words = text.split(" ").filter(Boolean);
    const last = [...(words.pop() ?? "")];
    const minimum = words.length > 0 ? 1 : 2;
    const keep = last.length <= minimum ? last.length : between(random, minimum, last.length - 1);
    let q = [...words, last.slice(0, keep).join("")].join(" ");
    if (chance(random, 0.35)) q = fold(q);
    queries.push(q);
  }
  return queries;
}

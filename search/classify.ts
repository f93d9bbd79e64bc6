// Classifies free text (an offer's or a problem's title and description, in
// Vietnamese or English) into the seeded taxonomy: sectors, technologies and
// business needs. A hand-written bilingual lexicon, no model: every score can
// be explained by the phrases listed in `evidence`.
//
// Matching rules:
//  - words are compared folded (no case, no diacritics), so "giao thong" finds
//    "giao thông"; but a word the text spells WITH diacritics must carry the
//    keyword's diacritics (in any tone-mark placement: hoá = hóa), so
//    "giao thương" (trade) never matches "giao thông" (transport);
//  - keywords are phrases matched as adjacent whole words: "AI" never matches
//    inside "tai";
//  - acronyms ("AI", "GIS", "IoT") must be written with capitals in the text:
//    "ai" is also the Vietnamese for "who";
//  - at each position the longest keyword wins, across all terms, so
//    "machine learning" is not also read as education's "learning", and
//    "network traffic" is not read as road traffic;
//  - English plurals are reduced ("sensors" = "sensor").
//
// Score of a term = Σ over its distinct phrases found of
//   weight × (1 + ½·log2(occurrences))  [× 1.5 when found in the title]
// where weight grows with the phrase's length in letters (longer = more
// specific), acronyms weigh 1.3 and keywords marked "~" are weak (× 0.4).
import { BLOCKING_PHRASES, TERM_KEYWORDS } from "./lexicon/taxonomy-keywords.ts";
import { tokenize, type Token } from "./text.ts";

export interface TaxonomyTermInput {
  kind: "SECTOR" | "TECHNOLOGY" | "BUSINESS_NEED";
  slug: string;
  nameVi: string;
  nameEn: string;
}

export interface Classification {
  kind: TaxonomyTermInput["kind"];
  slug: string;
  score: number;
  /** The phrases found, as written in the text, strongest first. */
  evidence: string[];
}

export interface ClassifyOptions {
  kinds?: TaxonomyTermInput["kind"][];
  /** Results per kind. Default 3. */
  limit?: number;
  /** Only results scoring strictly above this. Default 1 (about one clear keyword). */
  minScore?: number;
}

export type ClassifyInput = string | { title?: string; body?: string };

export const DEFAULT_LIMIT = 3;
export const DEFAULT_MIN_SCORE = 1;
const TITLE_BOOST = 1.5;
const WEAK_FACTOR = 0.4;
const ACRONYM_WEIGHT = 1.3;

// The lexicon (TERM_KEYWORDS, BLOCKING_PHRASES) is data, kept with the other
// word lists in search/lexicon/taxonomy-keywords.ts.

// ─── Matching machinery ──────────────────────────────────────────────────

interface PatternWord {
  /** Folded and plural-stripped. */
  key: string;
  /** Diacritic signature when the keyword spells the word with marks, else "". */
  marks: string;
  /** Must be written with capitals in the text. */
  capitals: boolean;
}

interface Pattern {
  words: PatternWord[];
  weight: number;
  /** Term keys ("KIND:slug") that list this phrase. */
  terms: Set<string>;
}

interface TextWord {
  token: Token;
  key: string;
  marks: string;
  upperCount: number;
  /** 0 title, 1 body. */
  part: number;
  text: string;
}

/** Reduce English plurals; Vietnamese syllables never end in "s". */
function stem(folded: string): string {
  if (folded.length <= 3 || !/^[a-z]+$/.test(folded)) return folded;
  if (folded.endsWith("ies")) return `${folded.slice(0, -3)}y`;
  if (folded.endsWith("s") && !/(ss|us|is)$/.test(folded)) return folded.slice(0, -1);
  return folded;
}

/**
 * The diacritics of a word regardless of where the tone mark sits, so "hoá"
 * and "hóa", "thuỷ" and "thủy" agree, while "thông" and "thương" differ.
 */
function markSignature(word: string): string {
  const marks = word.normalize("NFD").match(/\p{M}/gu) ?? [];
  const stroke = /[đĐ]/.test(word) ? "đ" : "";
  return stroke + [...marks].sort().join("");
}

function countUpper(word: string): number {
  return word.match(/\p{Lu}/gu)?.length ?? 0;
}

function isAcronym(word: string): boolean {
  return countUpper(word) >= 2 || /^(?=.*\p{Lu})[\p{Lu}\d]{2,}$/u.test(word);
}

function compileWords(phrase: string): PatternWord[] {
  const nfc = phrase.normalize("NFC");
  return tokenize(nfc).map((token) => {
    const asWritten = nfc.slice(token.start, token.end);
    return {
      key: stem(token.folded),
      marks: markSignature(token.exact),
      capitals: isAcronym(asWritten) && !/\d/.test(asWritten),
    };
  });
}

function phraseWeight(words: PatternWord[], phrase: string): number {
  const letters = words.reduce((sum, word) => sum + word.key.length, 0);
  let weight = Math.min(2.5, Math.max(words.length > 1 ? 1.1 : 0.6, Math.sqrt(letters) / 2));
  if (words.length === 1 && isAcronym(phrase.trim())) weight = Math.max(weight, ACRONYM_WEIGHT);
  return weight;
}

/** "Trí tuệ nhân tạo (AI)" → ["Trí tuệ nhân tạo", "AI"]. */
export function namePhrases(name: string): string[] {
  const phrases: string[] = [];
  const outside = name.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    phrases.push(inner);
    return " ";
  });
  phrases.unshift(outside);
  return phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase !== "");
}

export function termKey(term: Pick<TaxonomyTermInput, "kind" | "slug">): string {
  return `${term.kind}:${term.slug}`;
}

function readWords(text: string, part: number): TextWord[] {
  const nfc = text.normalize("NFC");
  return tokenize(nfc).map((token) => {
    const asWritten = nfc.slice(token.start, token.end);
    return {
      token,
      key: stem(token.folded),
      marks: token.exact === token.folded ? "" : markSignature(token.exact),
      upperCount: countUpper(asWritten),
      part,
      text: nfc,
    };
  });
}

function wordMatches(word: TextWord, pattern: PatternWord): boolean {
  if (word.key !== pattern.key) return false;
  // Written without diacritics: any spelling matches. With: they must agree.
  if (word.marks !== "" && word.marks !== pattern.marks) return false;
  if (pattern.capitals && word.upperCount < 2) return false;
  return true;
}

interface Hit {
  pattern: Pattern;
  count: number;
  inTitle: boolean;
  evidence: string;
}

// ─── Learned component ───────────────────────────────────────────────────

const LEARNED_STOP = new Set([
  "va",
  "cua",
  "cac",
  "nhung",
  "la",
  "cho",
  "voi",
  "trong",
  "duoc",
  "co",
  "nay",
  "de",
  "tai",
  "ve",
  "den",
  "khi",
  "the",
  "a",
  "an",
  "and",
  "or",
  "of",
  "for",
  "to",
  "in",
  "on",
  "with",
  "by",
  "at",
  "from",
  "is",
  "are",
  "mot",
  "khong",
  "nguoi",
  "da",
  "dang",
  "se",
  "theo",
  "tu",
  "tren",
  "nhu",
  "thi",
  "ma",
  "it",
  "that",
  "this",
  "be",
]);

function learnedFeatures(text: string): Set<string> {
  const words = tokenize(text)
    .map((token) => token.folded)
    .filter((word) => !/^\d+$/.test(word));
  const features = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!LEARNED_STOP.has(word) && word.length > 1) features.add(word);
    const next = words[i + 1];
    if (next !== undefined) features.add(`${word} ${next}`);
  }
  return features;
}

interface LearnedModel {
  /** Term key → feature → smoothed log-odds (positive only). */
  logOdds: Map<string, Map<string, number>>;
}

export interface TrainingExample {
  text: string;
  /** Bare slugs or "KIND:slug". */
  slugs: string[];
}

// ─── The classifier ──────────────────────────────────────────────────────

export class TaxonomyClassifier {
  private readonly terms = new Map<string, TaxonomyTermInput>();
  /** Per kind: folded first word → patterns, longest first. */
  private readonly indexes = new Map<TaxonomyTermInput["kind"], Map<string, Pattern[]>>();
  private learned: LearnedModel | null = null;
  /** How much one unit of learned log-odds evidence counts against the lexicon. */
  learnedWeight = 0.1;

  constructor(terms: TaxonomyTermInput[], options: { keywords?: Record<string, string[]> } = {}) {
    const keywords = options.keywords ?? TERM_KEYWORDS;
    const patternsByKind = new Map<TaxonomyTermInput["kind"], Map<string, Pattern>>();
    const add = (kind: TaxonomyTermInput["kind"], raw: string, term: string | null) => {
      const weak = raw.startsWith("~");
      const phrase = weak ? raw.slice(1) : raw;
      const words = compileWords(phrase);
      if (words.length === 0) return;
      const weight = phraseWeight(words, phrase) * (weak ? WEAK_FACTOR : 1);
      // One pattern per spelling and weight: the same phrase can be weak for
      // one term and strong for another.
      const id = `${words.map((word) => `${word.key}/${word.marks}/${word.capitals ? 1 : 0}`).join(" ")}#${
        term === null ? "block" : weight
      }`;
      const patterns = patternsByKind.get(kind) ?? new Map<string, Pattern>();
      patternsByKind.set(kind, patterns);
      const pattern = patterns.get(id) ?? { words, weight, terms: new Set<string>() };
      if (term !== null) pattern.terms.add(term);
      patterns.set(id, pattern);
    };
    for (const term of terms) {
      const key = termKey(term);
      this.terms.set(key, term);
      const phrases = [...namePhrases(term.nameVi), ...namePhrases(term.nameEn), ...(keywords[key] ?? [])];
      for (const phrase of phrases) add(term.kind, phrase, key);
    }
    for (const kind of patternsByKind.keys()) for (const phrase of BLOCKING_PHRASES) add(kind, phrase, null);
    for (const [kind, patterns] of patternsByKind) {
      const index = new Map<string, Pattern[]>();
      for (const pattern of patterns.values()) {
        const first = pattern.words[0]!.key;
        const list = index.get(first) ?? [];
        list.push(pattern);
        index.set(first, list);
      }
      for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
      this.indexes.set(kind, index);
    }
  }

  /**
   * Finds one kind's keyword phrases, longest first at each position, and
   * groups them by term. Kinds are matched separately so that a technology
   * phrase ("năng lượng tái tạo") does not hide the sector inside it
   * ("năng lượng"); BLOCKING_PHRASES hide what they contain in every kind.
   */
  private match(words: TextWord[], index: Map<string, Pattern[]>, hits: Map<string, Map<Pattern, Hit>>): void {
    let i = 0;
    while (i < words.length) {
      const candidates = index.get(words[i]!.key) ?? [];
      let length = 0;
      for (const pattern of candidates) {
        const n = pattern.words.length;
        if (length > 0 && n < length) break;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          const word = words[i + k]!;
          ok = word.part === words[i]!.part && wordMatches(word, pattern.words[k]!);
        }
        if (!ok) continue;
        length = n;
        const first = words[i]!;
        const last = words[i + n - 1]!;
        const evidence = first.text.slice(first.token.start, last.token.end);
        for (const term of pattern.terms) {
          const termHits = hits.get(term) ?? new Map<Pattern, Hit>();
          const hit = termHits.get(pattern);
          if (hit) {
            hit.count++;
            hit.inTitle ||= first.part === 0;
          } else {
            termHits.set(pattern, { pattern, count: 1, inTitle: first.part === 0, evidence });
          }
          hits.set(term, termHits);
        }
      }
      i += length > 0 ? length : 1;
    }
  }

  classify(input: ClassifyInput, options: ClassifyOptions = {}): Classification[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const kinds = options.kinds ? new Set(options.kinds) : null;
    const title = typeof input === "string" ? "" : input.title ?? "";
    const body = typeof input === "string" ? input : input.body ?? "";
    const words = [...readWords(title, 0), ...readWords(body, 1)];
    if (words.length === 0) return [];

    const hits = new Map<string, Map<Pattern, Hit>>();
    for (const [kind, index] of this.indexes) if (!kinds || kinds.has(kind)) this.match(words, index, hits);
    const scores = new Map<string, { score: number; evidence: { phrase: string; weight: number }[] }>();
    for (const [key, termHits] of hits) {
      let score = 0;
      const evidence: { phrase: string; weight: number }[] = [];
      for (const hit of termHits.values()) {
        const contribution =
          hit.pattern.weight * (1 + 0.5 * Math.log2(hit.count)) * (hit.inTitle && title !== "" ? TITLE_BOOST : 1);
        score += contribution;
        evidence.push({ phrase: hit.evidence, weight: contribution });
      }
      scores.set(key, { score, evidence });
    }

    if (this.learned) {
      const features = learnedFeatures(`${title}\n${body}`);
      for (const [key, table] of this.learned.logOdds) {
        let learned = 0;
        for (const feature of features) learned += table.get(feature) ?? 0;
        if (learned <= 0) continue;
        const entry = scores.get(key) ?? { score: 0, evidence: [] };
        entry.score += this.learnedWeight * learned;
        scores.set(key, entry);
      }
    }

    const byKind = new Map<TaxonomyTermInput["kind"], Classification[]>();
    for (const [key, { score, evidence }] of scores) {
      const term = this.terms.get(key);
      if (!term || (kinds && !kinds.has(term.kind)) || !(score > minScore)) continue;
      const list = byKind.get(term.kind) ?? [];
      list.push({
        kind: term.kind,
        slug: term.slug,
        score: Math.round(score * 1000) / 1000,
        evidence: [...new Set(evidence.sort((a, b) => b.weight - a.weight).map((item) => item.phrase))],
      });
      byKind.set(term.kind, list);
    }
    const results: Classification[] = [];
    for (const list of byKind.values()) {
      list.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
      results.push(...list.slice(0, limit));
    }
    return results.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
  }

  /**
   * Learns, per term, the smoothed log-odds of folded words and word pairs in
   * labelled texts, added to the lexicon score (× `learnedWeight`). Only
   * positive evidence is used, so a term with no training data keeps its
   * lexicon score. Calling it again replaces the previous model.
   */
  train(examples: TrainingExample[]): void {
    const alpha = 0.5;
    const featureSets = examples.map((example) => learnedFeatures(example.text));
    const labels = examples.map((example) => this.resolveLabels(example.slugs));
    const total = new Map<string, number>();
    for (const features of featureSets) for (const f of features) total.set(f, (total.get(f) ?? 0) + 1);
    const logOdds = new Map<string, Map<string, number>>();
    for (const key of this.terms.keys()) {
      const positives: number[] = [];
      labels.forEach((set, index) => {
        if (set.has(key)) positives.push(index);
      });
      if (positives.length === 0) continue;
      const negatives = examples.length - positives.length;
      const inTerm = new Map<string, number>();
      for (const index of positives) for (const f of featureSets[index]!) inTerm.set(f, (inTerm.get(f) ?? 0) + 1);
      const table = new Map<string, number>();
      for (const [feature, count] of inTerm) {
        if (count < 2) continue; // seen once: too likely to be a proper noun or an accident
        const other = (total.get(feature) ?? 0) - count;
        const pIn = (count + alpha) / (positives.length + 2 * alpha);
        const pOut = (other + alpha) / (negatives + 2 * alpha);
        const value = Math.log(pIn / pOut);
        if (value > 0) table.set(feature, value);
      }
      logOdds.set(key, table);
    }
    this.learned = { logOdds };
  }

  private resolveLabels(slugs: string[]): Set<string> {
    const keys = new Set<string>();
    for (const slug of slugs) {
      if (this.terms.has(slug)) keys.add(slug);
      else for (const [key, term] of this.terms) if (term.slug === slug) keys.add(key);
    }
    return keys;
  }
}

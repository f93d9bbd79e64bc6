// Suggests taxonomy terms for free text (an offer or a problem being written,
// or an imported row), with the lexicon classifier in search/classify.ts
// built over the terms currently in the database.
import { db } from "~/db.server";
import { TaxonomyClassifier, type ClassifyInput } from "../../search/classify.ts";

export type SuggestedTerm = {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  score: number;
  evidence: string[];
};
export type TermSuggestions = { sectors: SuggestedTerm[]; technologies: SuggestedTerm[] };

// Import assigns terms nobody chose, so it asks for more evidence than the
// form, where a person ticks or ignores each suggestion. 2 is about two
// clear keywords, or one in the title (see the score in search/classify.ts).
export const IMPORT_MIN_SCORE = 2;
export const MAX_SUGGEST_TEXT = 20_000;

type Terms = Map<string, { id: string; slug: string; nameVi: string; nameEn: string }>;
let cached: { classifier: TaxonomyClassifier; terms: Terms; key: string } | null = null;

// Rebuilt only when staff add or rename a term: one small aggregate query
// per call tells whether the taxonomy changed since the last build.
async function loadClassifier() {
  const stamp = await db.taxonomyTerm.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const key = `${stamp._count._all}:${stamp._max.updatedAt?.getTime() ?? 0}`;
  if (cached?.key === key) return cached;
  const rows = await db.taxonomyTerm.findMany({
    select: { id: true, kind: true, slug: true, nameVi: true, nameEn: true },
  });
  const terms: Terms = new Map(rows.map((row) => [`${row.kind}:${row.slug}`, row]));
  cached = { classifier: new TaxonomyClassifier(rows), terms, key };
  return cached;
}

/** A synchronous suggester over the current taxonomy, for classifying many rows in one go. */
export async function termSuggester() {
  const { classifier, terms } = await loadClassifier();
  return (input: ClassifyInput, options: { limit?: number; minScore?: number } = {}): TermSuggestions => {
    const results = classifier.classify(input, {
      kinds: ["SECTOR", "TECHNOLOGY"],
      limit: options.limit ?? 3,
      minScore: options.minScore,
    });
    const pick = (kind: "SECTOR" | "TECHNOLOGY") =>
      results.flatMap((result) => {
        const term = result.kind === kind ? terms.get(`${kind}:${result.slug}`) : undefined;
        return term ? [{ ...term, score: result.score, evidence: result.evidence.slice(0, 3) }] : [];
      });
    return { sectors: pick("SECTOR"), technologies: pick("TECHNOLOGY") };
  };
}

export async function suggestTerms(
  input: ClassifyInput,
  options: { limit?: number; minScore?: number } = {},
): Promise<TermSuggestions> {
  return (await termSuggester())(input, options);
}

// `npx tsx scripts/eval-classify.ts`: how well the lexicon classifier
// (search/classify.ts) finds the sector of the labelled development texts in
// search/relevance (offers and problems, title + description, tags unused),
// as accuracy@1 and accuracy@3 per set and language. Also measures the
// optional learned component with cross-validation (`--learned`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { seedTerms } from "../prisma/seed-taxonomy.ts";
import { TaxonomyClassifier } from "../search/classify.ts";

/**
 * The relevance set's own sector labels → the taxonomy SECTOR slugs that
 * count as correct. Where the dataset's sector straddles two taxonomy sectors
 * both are accepted. "san-xuat" (manufacturing) has no sector of its own: in
 * Vietnamese administration industry belongs with trade (Sở Công Thương).
 */
export const DATASET_SECTOR_TO_TAXONOMY: Record<string, string[]> = {
  "giao-thong": ["giao-thong"],
  "do-thi": ["trat-tu-do-thi", "quy-hoach-xay-dung", "cap-thoat-nuoc"],
  "y-te": ["y-te"],
  "giao-duc": ["giao-duc"],
  "moi-truong": ["moi-truong", "cap-thoat-nuoc"],
  "nong-nghiep": ["nong-nghiep-thuc-pham"],
  "du-lich": ["van-hoa-du-lich"],
  "tai-chinh": ["tai-chinh-thuong-mai"],
  "an-ninh-mang": ["an-ninh-an-toan", "ha-tang-so"],
  "dich-vu-cong": ["hanh-chinh-cong"],
  "san-xuat": ["tai-chinh-thuong-mai"],
  logistics: ["giao-thong", "tai-chinh-thuong-mai"],
  "nang-luong": ["nang-luong"],
  "xay-dung": ["quy-hoach-xay-dung"],
  "lao-dong": ["lao-dong-xa-hoi"],
  "an-sinh": ["lao-dong-xa-hoi"],
  "phong-chay": ["an-ninh-an-toan"],
  "thuong-mai": ["tai-chinh-thuong-mai"],
  "du-lieu": ["ha-tang-so"],
};

export interface LabelledText {
  id: string;
  title: string;
  description: string;
  language: "vi" | "en";
  sector: string;
}

const relevanceDir = join(import.meta.dirname, "..", "search", "relevance");

function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(join(relevanceDir, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function loadDevSet(): { offers: LabelledText[]; problems: LabelledText[] } {
  const convert = (row: Record<string, unknown>, idField: string): LabelledText => ({
    id: String(row[idField]),
    title: String(row.title),
    description: String(row.description),
    language: row.language === "en" ? "en" : "vi",
    sector: String(row.sector),
  });
  return {
    offers: readJsonl("offers.jsonl").map((row) => convert(row, "externalId")),
    problems: readJsonl("problems.jsonl").map((row) => convert(row, "code")),
  };
}

export interface Accuracy {
  n: number;
  at1: number;
  at3: number;
  /** Ids whose correct sector was not in the top 3. */
  misses: string[];
}

export function newClassifier(): TaxonomyClassifier {
  return new TaxonomyClassifier(seedTerms);
}

export function sectorAccuracy(classifier: TaxonomyClassifier, texts: LabelledText[]): Accuracy {
  let at1 = 0;
  let at3 = 0;
  const misses: string[] = [];
  for (const text of texts) {
    const expected = DATASET_SECTOR_TO_TAXONOMY[text.sector];
    if (!expected) throw new Error(`no taxonomy mapping for dataset sector ${text.sector}`);
    const ranked = classifier
      .classify({ title: text.title, body: text.description }, { kinds: ["SECTOR"], limit: 3, minScore: 0 })
      .map((result) => result.slug);
    if (ranked[0] !== undefined && expected.includes(ranked[0])) at1++;
    if (ranked.some((slug) => expected.includes(slug))) at3++;
    else misses.push(text.id);
  }
  const n = texts.length;
  return { n, at1: n === 0 ? 0 : at1 / n, at3: n === 0 ? 0 : at3 / n, misses };
}

export interface EvaluationRow {
  set: "offers" | "problems";
  language: "vi" | "en" | "all";
  accuracy: Accuracy;
}

export function evaluate(classifier: TaxonomyClassifier = newClassifier()): EvaluationRow[] {
  const dev = loadDevSet();
  const rows: EvaluationRow[] = [];
  for (const set of ["offers", "problems"] as const) {
    for (const language of ["vi", "en", "all"] as const) {
      const texts = dev[set].filter((text) => language === "all" || text.language === language);
      rows.push({ set, language, accuracy: sectorAccuracy(classifier, texts) });
    }
  }
  return rows;
}

export function formatEvaluation(rows: EvaluationRow[]): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);
  const lines = ["set       lang    n   acc@1   acc@3"];
  for (const { set, language, accuracy } of rows) {
    lines.push(
      `${set.padEnd(9)} ${language.padEnd(4)} ${String(accuracy.n).padStart(4)}  ${percent(accuracy.at1)}  ${percent(
        accuracy.at3,
      )}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The learned component, measured without testing on training texts:
 * 5-fold cross-validation over the offers, and offers → problems.
 */
export function evaluateLearned(): string {
  const dev = loadDevSet();
  const examples = (texts: LabelledText[]) =>
    texts.map((text) => ({
      text: `${text.title}\n${text.description}`,
      slugs: (DATASET_SECTOR_TO_TAXONOMY[text.sector] ?? []).map((slug) => `SECTOR:${slug}`),
    }));
  const lines: string[] = [];
  const lexicon = newClassifier();
  for (const weight of [0.05, 0.1, 0.15, 0.3]) {
    // Offers, 5 folds (interleaved so every fold has every sector).
    let at1 = 0;
    let at3 = 0;
    let base1 = 0;
    let base3 = 0;
    for (let fold = 0; fold < 5; fold++) {
      const train = dev.offers.filter((_, index) => index % 5 !== fold);
      const test = dev.offers.filter((_, index) => index % 5 === fold);
      const learned = newClassifier();
      learned.learnedWeight = weight;
      learned.train(examples(train));
      const withModel = sectorAccuracy(learned, test);
      const without = sectorAccuracy(lexicon, test);
      at1 += withModel.at1 * test.length;
      at3 += withModel.at3 * test.length;
      base1 += without.at1 * test.length;
      base3 += without.at3 * test.length;
    }
    const n = dev.offers.length;
    const learned = newClassifier();
    learned.learnedWeight = weight;
    learned.train(examples(dev.offers));
    const problems = sectorAccuracy(learned, dev.problems);
    const problemsBase = sectorAccuracy(lexicon, dev.problems);
    const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
    lines.push(
      `learned ×${weight}: offers 5-fold acc@1 ${pct(at1 / n)} (lexicon ${pct(base1 / n)}), acc@3 ${pct(
        at3 / n,
      )} (lexicon ${pct(base3 / n)}); ` +
        `offers→problems acc@1 ${pct(problems.at1)} (lexicon ${pct(problemsBase.at1)}), acc@3 ${pct(
          problems.at3,
        )} (lexicon ${pct(problemsBase.at3)})`,
    );
  }
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = evaluate();
  process.stdout.write(formatEvaluation(rows));
  if (process.argv.includes("--misses")) {
    for (const row of rows) {
      if (row.language === "all") process.stdout.write(`${row.set} misses@3: ${row.accuracy.misses.join(" ")}\n`);
    }
  }
  if (process.argv.includes("--learned")) process.stdout.write(evaluateLearned());
}

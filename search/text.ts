// Vietnamese text handling shared by every engine: folding, tokenising,
// stop words, typo budgets and language detection.

/** Lower case, NFC. Keeps diacritics: used to rank exact spellings first. */
export function normalise(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("vi");
}

/**
 * Case- and diacritic-insensitive form. đ/Đ has no Unicode decomposition, so
 * removing combining marks alone would leave it; it is mapped explicitly.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .normalize("NFC");
}

export interface Token {
  /** As written, NFC and lower case (diacritics kept). */
  exact: string;
  folded: string;
  /** The spelling with its diacritics, as one ASCII word: see toneKey(). */
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

// Syllables repeat endlessly in Vietnamese text, so folding each distinct
// word once makes indexing several times faster. Bounded: cleared when full.
const foldCache = new Map<string, { folded: string; key: string }>();
const FOLD_CACHE_LIMIT = 200_000;

function foldWord(lowerCaseWord: string): { folded: string; key: string } {
  let forms = foldCache.get(lowerCaseWord);
  if (forms === undefined) {
    const folded = fold(lowerCaseWord);
    forms = { folded, key: toneKey(lowerCaseWord, folded) };
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(lowerCaseWord, forms);
  }
  return forms;
}

// Each diacritic as one letter, in the order written. Tone marks sit on
// different vowels in old and new spelling ("hoá"/"hóa", "thuỷ"/"thủy"), and
// the order of marks inside a letter varies with input methods, but the
// sequence of marks a word carries does not: "thông" ≠ "thống" ≠ "thương".
const MARK_LETTERS: Record<string, string> = {
  "\u0302": "a", // circumflex: â ê ô
  "\u0306": "b", // breve: ă
  "\u031b": "c", // horn: ơ ư
  "\u0301": "s", // sắc
  "\u0300": "f", // huyền
  "\u0309": "r", // hỏi
  "\u0303": "x", // ngã
  "\u0323": "j", // nặng
};
// Tones are written after the vowel-shape mark whatever the input method did.
const TONE_LETTERS = new Set(["s", "f", "r", "x", "j"]);
/** Separates a key's folded word from its marks; no Vietnamese word has a "z". */
export const KEY_MARKS_SEPARATOR = "z";
const KEY_WITH_MARKS = /z([abcdsfrxj]+)$/;

/**
 * A word's exact spelling as one ASCII word: the folded word, then "z" and
 * one letter per diacritic ("thống" → "thongzas", "đổi" → "doizdar"). Every
 * engine indexes these keys: an exact match is the key itself, a folded match
 * is the folded word or any key that starts with it and "z". ASCII, so no
 * engine's own normalisation can fold the diacritics away again.
 */
export function toneKey(lowerCaseWord: string, folded = fold(lowerCaseWord)): string {
  if (lowerCaseWord === folded) return folded;
  let shapes = "";
  let tones = "";
  for (const character of lowerCaseWord.normalize("NFD")) {
    if (character === "đ") shapes += "d";
    const letter = MARK_LETTERS[character];
    if (letter === undefined) continue;
    if (TONE_LETTERS.has(letter)) tones += letter;
    else shapes += letter;
  }
  const marks = shapes + tones;
  return marks === "" ? folded : `${folded}${KEY_MARKS_SEPARATOR}${marks}`;
}

/** The folded word a key stands for. */
export function keyFolded(key: string): string {
  return key.replace(KEY_WITH_MARKS, "");
}

/** Whether the key carries diacritics. */
export function keyHasMarks(key: string): boolean {
  return KEY_WITH_MARKS.test(key);
}

/** Words in NFC text; offsets index into `text.normalize("NFC")`. */
export function tokenize(text: string): Token[] {
  const nfc = text.normalize("NFC");
  const tokens: Token[] = [];
  for (const match of nfc.matchAll(WORD)) {
    // Vietnamese has no locale-specific case rules, and the plain
    // toLowerCase is much faster than toLocaleLowerCase("vi").
    const exact = match[0].toLowerCase();
    const { folded, key } = foldWord(exact);
    tokens.push({ exact, folded, key, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

export function foldedWords(text: string): string[] {
  return tokenize(text).map((token) => token.folded);
}

// Function words that carry no meaning in a search. Only dropped from a query
// when something else remains, so "của" alone still searches. Words that
// start common compounds are left out: "bị" (thiết bị), "một" (một cửa),
// "từ" (từ xa), "theo" (theo dõi), "việc" (việc làm), "sự" (sự cố).
export const STOP_WORDS_EXACT = new Set([
  "và",
  "của",
  "các",
  "những",
  "là",
  "cho",
  "với",
  "trong",
  "được",
  "có",
  "này",
  "để",
  "tại",
  "về",
  "đến",
  "khi",
  "thì",
  "mà",
  "hoặc",
  "hay",
  "cũng",
  "đã",
  "đang",
  "sẽ",
  "bởi",
  "nên",
  "như",
  "nhưng",
  "rằng",
  "vào",
  "lên",
  "xuống",
  "trên",
  "dưới",
  "qua",
  "đó",
  "ấy",
  "nào",
  "gì",
  "rất",
  "lại",
  "còn",
  "đều",
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
]);

// Stop words typed without diacritics. Only spellings that no common content
// word folds to: "den" is also "đèn" (lamp), "cua" also "cửa" (door), "khi"
// also "khí" (air), "do" also "đo" (measure), so those stay searchable.
export const STOP_WORDS_FOLDED = new Set([
  "va",
  "cac",
  "nhung",
  "duoc",
  "hoac",
  "nhu",
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
]);

export function isStopWord(token: Pick<Token, "exact" | "folded">): boolean {
  if (token.exact !== token.folded) return STOP_WORDS_EXACT.has(token.exact);
  return STOP_WORDS_FOLDED.has(token.folded);
}

/** Meilisearch's defaults: one typo from 5 characters, two from 9. */
export function typoBudget(word: string): number {
  const length = [...word].length;
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

/**
 * Damerau (optimal string alignment) distance, giving up once it exceeds
 * `max`. Transpositions count as one typo, as in Meilisearch.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previousPrevious = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols).fill(0);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[cols - 1]!;
}

/**
 * The typos a query word needs to reach a vocabulary word, or null when it is
 * over budget. As in Meilisearch, a wrong first letter costs two typos.
 */
export function typosBetween(queryWord: string, candidate: string): number | null {
  const budget = typoBudget(queryWord);
  if (budget === 0) return queryWord === candidate ? 0 : null;
  const distance = editDistanceWithin(queryWord, candidate, budget);
  if (distance > budget) return null;
  if (distance > 0 && queryWord[0] !== candidate[0] && distance + 1 > budget) return null;
  return distance;
}

// Letters that exist in Vietnamese and not in English. Used to tell the two
// apart for the language facet.
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/u;

/** "vi" when at least a fifth of the words are spelt with Vietnamese letters. */
export function detectLanguage(text: string): "vi" | "en" {
  const words = tokenize(text);
  if (words.length === 0) return "vi";
  const vietnamese = words.filter((word) => VIETNAMESE_LETTER.test(word.exact)).length;
  return vietnamese / words.length >= 0.2 ? "vi" : "en";
}

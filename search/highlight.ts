// Highlighting is done here rather than by each engine, so both engines mark
// the same words, diacritics or not, and the UI never renders engine HTML.
import { tokenize } from "./text.ts";
import type { HighlightSegment } from "./types.ts";

/** Folded words; a trailing "*" means "starts with". */
export type MatchedTerms = readonly string[];

function matcher(terms: MatchedTerms) {
  const whole = new Set<string>();
  const prefixes: string[] = [];
  for (const term of terms) {
    if (term.endsWith("*")) prefixes.push(term.slice(0, -1));
    else whole.add(term);
  }
  return (folded: string) => whole.has(folded) || prefixes.some((prefix) => folded.startsWith(prefix));
}

function segmentsOf(text: string, ranges: { start: number; end: number }[]): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let cursor = 0;
  for (const range of ranges) {
    if (range.start > cursor) segments.push({ text: text.slice(cursor, range.start), match: false });
    segments.push({ text: text.slice(range.start, range.end), match: true });
    cursor = range.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}

export function highlight(text: string, terms: MatchedTerms): HighlightSegment[] {
  const nfc = text.normalize("NFC");
  const isMatch = matcher(terms);
  const ranges = tokenize(nfc).filter((token) => isMatch(token.folded));
  return segmentsOf(nfc, ranges);
}

/**
 * A window of about `words` words around the densest run of matches in the
 * first text that has any; the start of the first text otherwise.
 */
export function snippet(texts: string[], terms: MatchedTerms, words = 28): HighlightSegment[] {
  const isMatch = matcher(terms);
  for (const raw of texts) {
    const text = raw.normalize("NFC");
    const tokens = tokenize(text);
    const matchIndexes = tokens.flatMap((token, index) => (isMatch(token.folded) ? [index] : []));
    if (matchIndexes.length === 0) continue;
    let bestStart = 0;
    let bestCount = -1;
    for (const first of matchIndexes) {
      const start = Math.max(0, first - 4);
      const count = matchIndexes.filter((index) => index >= start && index < start + words).length;
      if (count > bestCount) {
        bestCount = count;
        bestStart = start;
      }
    }
    return window(text, tokens, bestStart, words, isMatch);
  }
  const first = texts.find((text) => text.trim() !== "")?.normalize("NFC") ?? "";
  return window(first, tokenize(first), 0, words, isMatch);
}

function window(
  text: string,
  tokens: ReturnType<typeof tokenize>,
  start: number,
  words: number,
  isMatch: (folded: string) => boolean,
): HighlightSegment[] {
  if (tokens.length === 0) return text ? [{ text, match: false }] : [];
  const end = Math.min(tokens.length, start + words);
  const from = start === 0 ? 0 : tokens[start]!.start;
  const to = end === tokens.length ? text.length : tokens[end - 1]!.end;
  const ranges = tokens
    .slice(start, end)
    .filter((token) => isMatch(token.folded))
    .map((token) => ({ start: token.start - from, end: token.end - from }));
  const segments = segmentsOf(text.slice(from, to), ranges);
  if (from > 0) segments.unshift({ text: "… ", match: false });
  if (to < text.length) segments.push({ text: " …", match: false });
  return segments;
}

/** `<mark>` around matches, everything else HTML-escaped: for the JSON API. */
export function toMarkedHtml(segments: HighlightSegment[]): string {
  const escape = (value: string) =>
    value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return segments.map((segment) => (segment.match ? `<mark>${escape(segment.text)}</mark>` : escape(segment.text))).join("");
}

// Highlighting is done here rather than by each engine, so both engines mark
// the same words, diacritics or not, and the UI never renders engine HTML.
import { tokenize, type Token } from "./text.ts";
import type { HighlightSegment } from "./types.ts";

/**
 * What matched, as engines report it: space-separated parts, each a folded
 * word (any spelling), "=key" (that exact spelling: see toneKey) or a folded
 * prefix ending in "*". Several parts are a phrase, marked only where its
 * words stand side by side: for "giao thông", the "giao" of "giao diện" is
 * not marked.
 */
export type MatchedTerms = readonly string[];

type Part = (token: Token) => boolean;

function partMatcher(part: string): Part {
  if (part.startsWith("=")) {
    const key = part.slice(1);
    return (token) => token.key === key;
  }
  if (part.endsWith("*") && part.length > 1) {
    const prefix = part.slice(0, -1);
    return (token) => token.folded.startsWith(prefix);
  }
  return (token) => token.folded === part;
}

/** Which tokens are part of a match. */
function marked(tokens: readonly Token[], terms: MatchedTerms): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  const phrases = [...new Set(terms)]
    .map((term) => term.split(" ").filter(Boolean).map(partMatcher))
    .filter((parts) => parts.length > 0);
  for (let i = 0; i < tokens.length; i++) {
    for (const parts of phrases) {
      if (i + parts.length > tokens.length) continue;
      if (parts.every((matches, offset) => matches(tokens[i + offset]!))) marks.fill(1, i, i + parts.length);
    }
  }
  return marks;
}

/** Ranges of marked tokens, one per word (every engine marks words, not phrases). */
function rangesOf(tokens: readonly Token[], marks: Uint8Array, from = 0, to = tokens.length, offset = 0) {
  const ranges: { start: number; end: number }[] = [];
  for (let i = from; i < to; i++)
    if (marks[i] === 1) ranges.push({ start: tokens[i]!.start - offset, end: tokens[i]!.end - offset });
  return ranges;
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
  const tokens = tokenize(nfc);
  return segmentsOf(nfc, rangesOf(tokens, marked(tokens, terms)));
}

/**
 * A window of about `words` words around the densest run of matches in the
 * first text that has any; the start of the first text otherwise.
 */
export function snippet(texts: string[], terms: MatchedTerms, words = 28): HighlightSegment[] {
  for (const raw of texts) {
    const text = raw.normalize("NFC");
    const tokens = tokenize(text);
    const marks = marked(tokens, terms);
    const matchIndexes = tokens.flatMap((_, index) => (marks[index] === 1 ? [index] : []));
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
    return window(text, tokens, marks, bestStart, words);
  }
  const first = texts.find((text) => text.trim() !== "")?.normalize("NFC") ?? "";
  const tokens = tokenize(first);
  return window(first, tokens, new Uint8Array(tokens.length), 0, words);
}

function window(
  text: string,
  tokens: readonly Token[],
  marks: Uint8Array,
  start: number,
  words: number,
): HighlightSegment[] {
  if (tokens.length === 0) return text ? [{ text, match: false }] : [];
  const end = Math.min(tokens.length, start + words);
  const from = start === 0 ? 0 : tokens[start]!.start;
  const to = end === tokens.length ? text.length : tokens[end - 1]!.end;
  const segments = segmentsOf(text.slice(from, to), rangesOf(tokens, marks, start, end, from));
  if (from > 0) segments.unshift({ text: "… ", match: false });
  if (to < text.length) segments.push({ text: " …", match: false });
  return segments;
}

/** `<mark>` around matches, everything else HTML-escaped: for the JSON API. */
export function toMarkedHtml(segments: HighlightSegment[]): string {
  const escape = (value: string) =>
    value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return segments
    .map((segment) => (segment.match ? `<mark>${escape(segment.text)}</mark>` : escape(segment.text)))
    .join("");
}

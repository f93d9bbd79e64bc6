import type { Language } from "~/i18n/config";

// Content entered by people (major problems, lists, statements) is Vietnamese
// first; an English version exists only where staff or the agency wrote one.
// English readers get it when it exists, and otherwise the Vietnamese text,
// marked lang="vi" (so a screen reader switches voice) and flagged with a
// plain note. Vietnamese readers always get Vietnamese.
export type PickedText = { text: string; lang: "vi" | undefined; vietnameseOnly: boolean };

export function pickText(language: Language, vi: string, en: string | null | undefined): PickedText {
  if (language !== "en") return { text: vi, lang: undefined, vietnameseOnly: false };
  if (en && en.trim()) return { text: en, lang: undefined, vietnameseOnly: false };
  return { text: vi, lang: "vi", vietnameseOnly: true };
}

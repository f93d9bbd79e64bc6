// Re-ranking signals bm25 can't see, shared by every in-process engine so
// they rank the same way: the words as a phrase, the exact diacritics typed,
// and every word in the title.
import { tokenize, type Token } from "./text.ts";

/** A document's title and head (summary, keywords) as space-joined words. */
export interface RerankText {
  titleFolded: string;
  headFolded: string;
  headExact: string;
}

export function rerankText(title: string, head: string): RerankText {
  const titleTokens = tokenize(title);
  const headTokens = tokenize(head);
  const folded = (tokens: Token[]) => tokens.map((token) => token.folded).join(" ");
  return {
    titleFolded: folded(titleTokens),
    headFolded: folded(headTokens),
    headExact: [...titleTokens, ...headTokens].map((token) => token.exact).join(" "),
  };
}

export function rerankBonus(words: readonly Token[], text: RerankText | undefined): number {
  if (!text) return 0;
  const foldedTitle = ` ${text.titleFolded} `;
  const foldedHead = `${foldedTitle}${text.headFolded} `;
  const exactHead = ` ${text.headExact} `;
  let bonus = 0;
  if (words.length > 1) {
    const phrase = ` ${words.map((word) => word.folded).join(" ")} `;
    if (foldedTitle.includes(phrase)) bonus += 6;
    else if (foldedHead.includes(phrase)) bonus += 4;
    else {
      for (let i = 0; i + 1 < words.length; i++) {
        if (foldedHead.includes(` ${words[i]!.folded} ${words[i + 1]!.folded} `)) bonus += 1;
      }
    }
  }
  const accented = words.filter((word) => word.exact !== word.folded);
  if (accented.length > 0) {
    const exact = accented.filter((word) => exactHead.includes(` ${word.exact} `)).length;
    bonus += (4 * exact) / accented.length;
  }
  if (words.length > 0 && words.every((word) => foldedTitle.includes(` ${word.folded}`))) bonus += 2;
  return bonus;
}

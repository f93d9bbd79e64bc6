import { describe, expect, it } from "vitest";
import { buildSynonymIndex, type SynonymIndex } from "../query.ts";
import { coverageScores, wordGrams } from "./rank.ts";
import { DEFAULT_TERM_WEIGHTS } from "../tuning/matching.ts";
import { buildHints, buildMatchSynonyms, markSignature, matchTerms } from "./terms.ts";

const groups = [
  ["dịch", "dịch bệnh", "outbreak", "epidemic"],
  ["dịch vụ", "service", "services"],
  ["bão", "storm", "typhoon"],
  ["nước", "water"],
  ["hoá đơn điện tử", "e-invoice"],
];
const words = (title: string, index: SynonymIndex = buildMatchSynonyms(groups)) =>
  matchTerms({ title, body: "" }, index).map((term) => term.words.join(" "));

describe("thesaurus matching with spelling", () => {
  it("reads tone marks wherever they sit", () => {
    expect(markSignature("hoá")).toBe(markSignature("hóa"));
    expect(markSignature("thông")).not.toBe(markSignature("thương"));
  });

  it("does not read a look-alike syllable as the thesaurus word", () => {
    expect(words("Bảo hiểm y tế")).not.toContain("storm");
    expect(words("Báo cháy sớm")).not.toContain("storm");
    // The plain index (folded only) does: this is what the spelling check fixes.
    expect(words("Bảo hiểm y tế", buildSynonymIndex(groups))).toContain("storm");
    // Same spelling, other word: the longer thesaurus phrase wins.
    expect(words("Dịch vụ công trực tuyến")).not.toContain("epidemic");
  });

  it("still reads the word itself, either tone-mark placement, and text written without diacritics", () => {
    expect(words("Phòng chống dịch sốt xuất huyết")).toContain("epidemic");
    expect(words("Cây đổ sau bão")).toContain("storm");
    expect(words("Hóa đơn điện tử cho hộ kinh doanh")).toContain("e invoice");
    expect(words("Cay do sau bao")).toContain("storm");
  });

  it("takes a word without marks in a text with them as spelled, unless a phrase's marked words vouch for it", () => {
    const index = buildMatchSynonyms([...groups, ["xã", "phường", "commune", "ward"], ["báo cháy", "fire alarm"]]);
    // "xa" (far) beside "từ" is not "xã" (commune)…
    expect(words("Giám sát từ xa", index)).not.toContain("commune");
    // …typed without any diacritics, it may be.
    expect(words("Giam sat tu xa", index)).toContain("commune");
    // A forgotten mark inside a phrase whose other word has its own: "báo chay" is "báo cháy".
    expect(words("Báo chay thông minh", index)).toContain("fire alarm");
  });

  it("lets an English text reach the one-syllable Vietnamese wording", () => {
    expect(words("Water shortage in summer")).toContain("nuoc");
  });
});

describe("solution hints", () => {
  const hints = buildHints([
    [
      ["ùn tắc", "congestion"],
      ["điều khiển tín hiệu", "adaptive signal"],
    ],
  ]);
  const synonyms = buildMatchSynonyms([]);

  it("adds the solution wordings a problem word hints at, at the hint share of the word's weight", () => {
    const terms = matchTerms(
      { title: "Congestion at rush hour", body: "" },
      synonyms,
      { ...DEFAULT_TERM_WEIGHTS, hint: 0.5 },
      hints,
    );
    const weight = (key: string) => terms.find((term) => term.words.join(" ") === key)?.weight ?? 0;
    expect(weight("dieu khien tin hieu")).toBeGreaterThan(0);
    expect(weight("adaptive signal")).toBeGreaterThan(0);
    expect(weight("adaptive signal")).toBeLessThan(weight("congestion"));
    expect(
      matchTerms({ title: "Ùn tắc giờ cao điểm", body: "" }, synonyms, undefined, hints).map((term) =>
        term.words.join(" "),
      ),
    ).toContain("adaptive signal");
  });

  it("runs one way only, and not without the hint index", () => {
    const fromSolution = matchTerms(
      { title: "Điều khiển tín hiệu thích ứng", body: "" },
      synonyms,
      undefined,
      hints,
    ).map((term) => term.words.join(" "));
    expect(fromSolution).not.toContain("congestion");
    expect(
      matchTerms({ title: "Ùn tắc giờ cao điểm", body: "" }, synonyms).map((term) => term.words.join(" ")),
    ).not.toContain("adaptive signal");
  });
});

describe("coverage with length normalisation", () => {
  const terms = [
    { words: ["flood"], weight: 1 },
    { words: ["warning"], weight: 1 },
  ];
  const short = wordGrams("Flood warning by SMS");
  // A brochure listing many products holds the same words among many others.
  const brochure = wordGrams(
    `Flood warning. ${"Parking, lighting, cameras, billing, payroll, tickets, kiosks and more services for every city. ".repeat(
      4,
    )}`,
  );
  const unrelated = wordGrams("Payroll software for schools");

  it("ranks a short listing holding the need's words above a long brochure holding the same words", () => {
    const [a, b] = coverageScores(terms, [short, brochure, unrelated], 0.5);
    expect(a!.score).toBeGreaterThan(b!.score);
  });

  it("without it, both score the same", () => {
    const [a, b] = coverageScores(terms, [short, brochure, unrelated], 0);
    expect(a!.score).toBe(b!.score);
  });
});

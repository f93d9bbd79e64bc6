import { describe, expect, it } from "vitest";
import { buildSynonymIndex } from "../query.ts";
import { buildMatchSynonyms, markSignature, matchTerms } from "./terms.ts";

const groups = [
  ["dịch", "dịch bệnh", "outbreak", "epidemic"],
  ["dịch vụ", "service", "services"],
  ["bão", "storm", "typhoon"],
  ["nước", "water"],
  ["hoá đơn điện tử", "e-invoice"],
];
const words = (title: string, index = buildMatchSynonyms(groups)) => matchTerms({ title, body: "" }, index).map((term) => term.words.join(" "));

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

  it("lets an English text reach the one-syllable Vietnamese wording", () => {
    expect(words("Water shortage in summer")).toContain("nuoc");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTerms } from "../../prisma/seed-taxonomy.ts";
import { TaxonomyClassifier } from "../classify.ts";
import { EmbeddedSearchEngine } from "../embedded/engine.ts";
import { buildSynonymIndex } from "../query.ts";
import { DEFAULT_SYNONYM_GROUPS } from "../synonyms.ts";
import type { SearchDocument } from "../types.ts";
import { MATCHING_GLOSSARY } from "../lexicon/glossary.ts";
import {
  buildTaxonomy,
  curationEvidence,
  needWords,
  rankNeeds,
  rankOffers,
  type MatchContext,
  type NeedInput,
  type OfferFacts,
} from "./rank.ts";
import { fuse, termsAsWritten, type NeedProfile, type OfferProfile } from "./score.ts";
import { DEFAULT_TERM_WEIGHTS } from "../tuning/matching.ts";
import { matchTerms } from "./terms.ts";

const synonyms = buildSynonymIndex([...DEFAULT_SYNONYM_GROUPS, ...MATCHING_GLOSSARY]);
const transport = { slug: "giao-thong", nameVi: "Giao thông", nameEn: "Transport" };

const offers: (OfferFacts & { language: string })[] = [
  {
    id: "signal-vi",
    language: "vi",
    title: "Điều khiển tín hiệu đèn thích ứng bằng AI",
    body: "Bộ điều khiển tự điều chỉnh chu kỳ xanh đỏ theo lưu lượng xe đo bằng camera, giảm thời gian chờ tại nút giao.",
  },
  {
    id: "signal-en",
    language: "en",
    title: "Adaptive traffic signal control",
    body: "Our controller adapts green times to measured traffic flow at each intersection and cuts waiting time at rush hour.",
  },
  {
    id: "trade",
    language: "vi",
    title: "Sàn giao thương điện tử cho hộ kinh doanh",
    body: "Kết nối hộ kinh doanh với người mua, quản lý đơn hàng, thanh toán trực tuyến và giao hàng.",
  },
  {
    id: "water",
    language: "vi",
    title: "Phát hiện rò rỉ đường ống cấp nước",
    body: "Cảm biến áp lực khoanh vùng điểm rò rỉ đường ống nước mà không phải đào đường.",
  },
  {
    id: "clinic",
    language: "en",
    title: "Online appointment booking for clinics",
    body: "Patients book a time slot and get reminders, so waiting rooms are no longer crowded.",
  },
].map((offer) => ({
  ...offer,
  declaredSectors: [],
  declaredTechnologies: [],
  trl: null,
  priceMinVnd: null,
  referencesBySector: {},
}));

const document = (offer: (typeof offers)[number]): SearchDocument => ({
  id: `offer:${offer.id}`,
  type: "offer",
  entityId: offer.id,
  slug: offer.id,
  title: offer.title,
  summary: "",
  body: offer.body,
  keywords: [],
  published: true,
  organisationId: null,
  organisationName: null,
  sector: [],
  technology: [],
  trlBand: null,
  deployment: null,
  priceBand: null,
  evidenceLevel: null,
  orgKind: null,
  language: [offer.language],
  priceMin: null,
  publishedAt: null,
});

let context: MatchContext;
const loadOffers = async (ids: string[]) => offers.filter((offer) => ids.includes(offer.id));
const need = (title: string, body = ""): NeedInput => ({
  text: { title, body },
  declaredSectors: [],
  wantedTrl: null,
  budgetMaxVnd: null,
});
const ids = async (input: NeedInput) =>
  (await rankOffers(context, input, { limit: 5, loadOffers })).map((match) => match.offerId);

beforeAll(async () => {
  const engine = new EmbeddedSearchEngine({ path: ":memory:" });
  await engine.init();
  await engine.upsert(offers.map(document));
  await engine.upsert([
    {
      ...document(offers[0]!),
      id: "problem:p1",
      type: "problem",
      entityId: "p1",
      title: "Ùn tắc giao thông tại nút giao",
      body: "Thời gian chờ đèn quá dài.",
    },
    { ...document(offers[0]!), id: "problem:p2", type: "problem", entityId: "p2", title: "Kẹt xe kéo dài", body: "" },
  ]);
  context = { engine, synonyms, taxonomy: buildTaxonomy(new TaxonomyClassifier(seedTerms), seedTerms) };
});
afterAll(() => context.engine.close());

describe("matchTerms", () => {
  it("queries Vietnamese by word pairs, not lone syllables, and keeps acronyms and English words", () => {
    const terms = matchTerms({ title: "Giao thông thông minh bằng AI và camera", body: "" }, synonyms).map((term) =>
      term.words.join(" "),
    );
    expect(terms).toContain("giao thong");
    expect(terms).toContain("thong minh");
    expect(terms).not.toContain("giao");
    expect(terms).toContain("ai");
    expect(terms).toContain("camera");
  });

  it("adds the thesaurus' other wordings in both languages, and English plurals", () => {
    const vietnamese = matchTerms({ title: "Ùn tắc giờ cao điểm", body: "" }, synonyms).map((term) =>
      term.words.join(" "),
    );
    expect(vietnamese).toEqual(expect.arrayContaining(["congestion", "traffic jam", "ket xe", "rush hour"]));
    const english = matchTerms({ title: "Pipe leaks", body: "" }, synonyms).map((term) => term.words.join(" "));
    expect(english).toEqual(expect.arrayContaining(["leak", "pipe", "ro ri", "duong ong"]));
  });

  it("weighs the title above the description", () => {
    const terms = matchTerms({ title: "rò rỉ nước", body: "đường ống cũ" }, synonyms);
    const weight = (key: string) => terms.find((term) => term.words.join(" ") === key)?.weight ?? 0;
    expect(weight("ro ri")).toBeGreaterThan(weight("duong ong"));
  });
});

describe("rankOffers", () => {
  it("surfaces adaptive signal control for rush-hour congestion, though they share almost no words", async () => {
    const ranked = await ids(
      need("Ùn tắc giao thông giờ cao điểm", "Dòng phương tiện dồn ứ tại các nút giao mỗi sáng."),
    );
    expect(ranked.slice(0, 2).sort()).toEqual(["signal-en", "signal-vi"]);
    expect(ranked).not.toContain("water");
  });

  it("matches across languages both ways", async () => {
    expect((await ids(need("Nước sạch bị rò rỉ khỏi đường ống")))[0]).toBe("water");
    expect(
      (await ids(need("Water lost through pipe leaks", "The utility cannot find leaks without digging.")))[0],
    ).toBe("water");
    expect((await ids(need("Bệnh nhân phải chờ hàng giờ để đặt lịch khám")))[0]).toBe("clinic");
  });

  it("does not confuse giao thương (trade) with giao thông (transport)", async () => {
    const ranked = await rankOffers(context, need("Ùn tắc giao thông giờ cao điểm"), { limit: 5, loadOffers });
    const trade = ranked.find((match) => match.offerId === "trade");
    expect(trade === undefined || trade.score < ranked[0]!.score / 2).toBe(true);
  });

  it("explains a match: terms as the offer writes them, and the sector read from both texts", async () => {
    const top = await rankOffers(context, need("Điều khiển đèn tín hiệu giao thông"), { limit: 2, loadOffers });
    expect(top.map((match) => match.offerId).sort()).toEqual(["signal-en", "signal-vi"]);
    const first = top.find((match) => match.offerId === "signal-vi");
    expect(first!.reasons[0]).toMatchObject({ kind: "terms" });
    expect(JSON.stringify(first!.reasons[0])).toContain("tín hiệu");
    expect(first!.reasons).toContainEqual({ kind: "sector", terms: [transport] });
    expect(first!.score).toBeGreaterThan(0);
    expect(first!.score).toBeLessThanOrEqual(1);
  });

  it("puts a pair staff rejected for this need last, and lifts offers approved for a near-identical need", async () => {
    const input = need("Ùn tắc giao thông giờ cao điểm", "Dòng phương tiện dồn ứ tại các nút giao mỗi sáng.");
    const words = needWords(input.text);
    expect((await ids(input)).slice(0, 2)).toContain("signal-vi");
    const curated = [{ key: "n1", words, approved: [], rejected: ["signal-vi"] }];
    const rejected = (await rankOffers(context, input, { limit: 5, loadOffers, needKey: "n1", curated })).map(
      (match) => match.offerId,
    );
    expect(rejected.at(-1)).toBe("signal-vi");
    const lifted = await rankOffers(context, input, {
      limit: 5,
      loadOffers,
      needKey: "n2",
      curated: [{ key: "n1", words, approved: ["clinic"], rejected: [] }],
    });
    const clinic = lifted.find((match) => match.offerId === "clinic");
    expect(clinic?.reasons).toContainEqual({ kind: "curation", approvedForSimilar: 1 });
  });
});

describe("curationEvidence", () => {
  it("ignores decisions on needs that read differently", () => {
    const evidence = curationEvidence(
      "a",
      needWords({ title: "Ùn tắc giao thông", body: "" }),
      [{ key: "b", words: needWords({ title: "Rò rỉ nước sạch", body: "" }), approved: ["x"], rejected: ["y"] }],
      0.3,
    );
    expect(evidence.approved.size).toBe(0);
    expect(evidence.rejected.size).toBe(0);
  });
});

describe("fuse", () => {
  const needProfile: NeedProfile = {
    sectors: [transport],
    technologies: [],
    wantedTrl: 6,
    budgetMaxVnd: 1_000_000_000,
  };
  const offer = (trl: number, price: number): OfferProfile => ({
    id: "o",
    title: "t",
    body: "",
    sectors: [transport],
    technologies: [],
    trl,
    priceMinVnd: price,
    referencesBySector: { "giao-thong": 3 },
  });
  const evidence = { text: 0.5, matched: [], approvedForSimilar: 0, approvedCount: 0, rejectedForSimilar: 0 };

  it("rewards meeting the wanted TRL and the budget, and says so", () => {
    const fit = fuse(needProfile, offer(7, 800_000_000), evidence);
    const misfit = fuse(needProfile, offer(4, 2_000_000_000), evidence);
    expect(fit.reasons).toContainEqual({ kind: "trl", offerTrl: 7, wantedTrl: 6, fit: "meets" });
    expect(fit.reasons).toContainEqual({
      kind: "budget",
      priceMinVnd: 800_000_000,
      budgetMaxVnd: 1_000_000_000,
      fit: "within",
    });
    expect(fit.reasons).toContainEqual({ kind: "reference", count: 3, sector: transport });
    expect(misfit.reasons).toContainEqual({ kind: "trl", offerTrl: 4, wantedTrl: 6, fit: "below" });
    expect(misfit.reasons).toContainEqual({
      kind: "budget",
      priceMinVnd: 2_000_000_000,
      budgetMaxVnd: 1_000_000_000,
      fit: "over",
    });
    expect(fit.score).toBeGreaterThan(misfit.score);
  });
});

describe("termsAsWritten", () => {
  it("quotes the offer's own spelling and drops terms inside longer ones", () => {
    expect(
      termsAsWritten(["tin hieu", "dieu khien tin hieu", "camera"], "Điều khiển tín hiệu đèn", "Đo bằng Camera."),
    ).toEqual(["Điều khiển tín hiệu", "Camera"]);
  });

  it("gives whole words and phrases, never a pair that straddles two words", () => {
    const body = "Phát hiện sự cố, báo cáo lưu lượng theo giờ cho từng nút giao.";
    // Alone, "lượng theo" is the end of "lưu lượng" and a preposition: no word at all.
    expect(termsAsWritten(["luong theo"], "Camera giao thông", body)).toEqual([]);
    // With its neighbours it joins them into the phrase the offer wrote.
    expect(termsAsWritten(["luu luong", "luong theo", "theo gio"], "Camera giao thông", body)).toEqual([
      "lưu lượng theo giờ",
    ]);
    expect(termsAsWritten(["luu luong", "luong theo"], "Camera giao thông", body)).toEqual(["lưu lượng"]);
    // A phrase that starts with a preposition is a word ("theo dõi"); a trailing "cho" is not part of one.
    expect(termsAsWritten(["theo doi", "gio cho"], "Theo dõi ùn tắc", body)).toEqual(["Theo dõi"]);
    // Matches in different clauses stay apart.
    expect(termsAsWritten(["su co", "bao cao"], "Camera", body)).toEqual(["báo cáo", "sự cố"]);
  });
});

describe("rankNeeds", () => {
  it("finds needs for an offer", async () => {
    const needs = await rankNeeds(context, offers[0]!, {
      limit: 5,
      loadNeeds: async (refs) =>
        refs
          .filter((ref) => ref.id === "p1")
          .map((ref) => ({ ...ref, ...need("Ùn tắc giao thông tại nút giao", "Thời gian chờ đèn quá dài.") })),
    });
    expect(needs.map((item) => item.id)).toEqual(["p1"]);
    expect(needs[0]!.reasons.length).toBeGreaterThan(0);
  });

  it("finds a need sharing no words with the offer through the solution hints, read backwards", async () => {
    const loadNeeds = async (refs: { type: "problem" | "major-problem"; id: string }[]) =>
      refs.filter((ref) => ref.id === "p2").map((ref) => ({ ...ref, ...need("Kẹt xe kéo dài") }));
    const found = await rankNeeds(context, offers[1]!, { limit: 5, loadNeeds });
    expect(found.map((item) => item.id)).toEqual(["p2"]);
    const withoutHints = await rankNeeds(
      { ...context, tuning: { terms: { ...DEFAULT_TERM_WEIGHTS, hint: 0 } } },
      offers[1]!,
      { limit: 5, loadNeeds },
    );
    expect(withoutHints).toEqual([]);
  });
});

// Deterministic synthetic offers for benchmarks: `generateOffer(i)` always
// returns the same document for the same index and seed, without generating
// the others, so a child process can stream 100,000 offers in batches (and
// keep its RSS honest) and a query generator can look at any one of them.
import { seedTerms } from "../../prisma/seed-taxonomy.ts";
import type { SearchDocument } from "../../search/types.ts";
import {
  AGENCIES,
  BRAND_HEADS,
  BRAND_TAILS,
  CUSTOMERS,
  DETAILS_EN,
  DETAILS_VI,
  DISTRICTS,
  FAMILY_NAMES,
  GENERIC_EN,
  GENERIC_VI,
  GIVEN_NAMES,
  INNOVATION_CENTRES,
  INTEGRATIONS,
  INTEGRATIONS_EN,
  LANDMARKS,
  MIDDLE_NAMES,
  ORG_FORMS_VI,
  RESEARCH_ORGS,
  SECTOR_BANKS,
  STANDARDS,
  STREETS,
  WARDS,
  type LanguageBank,
  type SectorBank,
} from "./phrase-banks.ts";
import { between, chance, mulberry32, pick, randomFor, sample, skewed, type Random } from "./random.ts";

export const DEFAULT_SEED = 20_260_101;

export interface OfferGeneratorOptions {
  seed?: number;
  /** Share of offers written in English (the rest Vietnamese). */
  englishShare?: number;
  /** Share of offers still in draft (unpublished, visible to their organisation only). */
  draftShare?: number;
  /** How many organisations the offers belong to. */
  organisations?: number;
}

export interface Organisation {
  id: string;
  name: string;
  kind: "PROVIDER" | "RESEARCH" | "AGENCY" | "INNOVATION_CENTRE";
  district: string;
  brand: string;
}

const EXTRA_SECTOR_LABELS: Record<string, [string, string]> = {
  "cong-nghiep-san-xuat": ["Công nghiệp và sản xuất", "Manufacturing"],
  logistics: ["Logistics và kho vận", "Logistics"],
  "thuong-mai-dien-tu": ["Thương mại điện tử", "E-commerce"],
};

const LABELS = new Map<string, [string, string]>();
for (const term of seedTerms) LABELS.set(term.slug, [term.nameVi, term.nameEn]);
for (const [slug, labels] of Object.entries(EXTRA_SECTOR_LABELS)) LABELS.set(slug, labels);

export const SECTOR_SLUGS = [...new Set(SECTOR_BANKS.flatMap((bank) => bank.sectors))];
export const TECHNOLOGY_SLUGS = [...new Set(SECTOR_BANKS.flatMap((bank) => bank.technologies))];
export const TRL_BANDS = ["1-3", "4-6", "7-9"] as const;
export const DEPLOYMENTS = ["SAAS", "ON_PREMISE", "HARDWARE", "SERVICE"] as const;
export const EVIDENCE_LEVELS = [
  "SELF_DECLARED",
  "DOCUMENTS_VERIFIED",
  "REFERENCE_CONFIRMED",
  "SANDBOX_TESTED",
] as const;
export const PRICE_BANDS = [
  "duoi-1-trieu",
  "1-10-trieu",
  "10-100-trieu",
  "100-trieu-1-ty",
  "tren-1-ty",
  "lien-he",
] as const;

function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries.at(-1)![0];
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

/** Vietnamese thousands separator is ".". */
const formatVnd = (value: number) => value.toLocaleString("de-DE");

function brandName(random: Random) {
  const name = `${pick(random, BRAND_HEADS)}${pick(random, BRAND_TAILS)}`;
  return chance(random, 0.3)
    ? `${name} ${pick(random, [
        "Pro",
        "Plus",
        "360",
        "X",
        "Lite",
        "One",
        "Cloud",
        "AI",
        `${between(random, 1, 5)}.${between(random, 0, 9)}`,
      ])}`
    : name;
}

function personName(random: Random) {
  return `${pick(random, FAMILY_NAMES)} ${pick(random, MIDDLE_NAMES)} ${pick(random, GIVEN_NAMES)}`;
}

const organisationCache = new Map<string, Organisation[]>();

/** The organisations offers belong to; the same list for the same seed. */
export function organisations(seed = DEFAULT_SEED, count = 2_500): Organisation[] {
  const key = `${seed}:${count}`;
  const cached = organisationCache.get(key);
  if (cached) return cached;
  const random = mulberry32(seed ^ 0x5eed);
  const list: Organisation[] = [];
  for (let i = 0; i < count; i++) {
    const kind = weighted(random, [
      ["PROVIDER", 80],
      ["RESEARCH", 8],
      ["AGENCY", 6],
      ["INNOVATION_CENTRE", 6],
    ] as const);
    const brand = `${pick(random, BRAND_HEADS)}${pick(random, BRAND_TAILS)}`;
    const district = pick(random, DISTRICTS);
    let name: string;
    if (kind === "PROVIDER")
      name = chance(random, 0.85)
        ? `${pick(random, ORG_FORMS_VI)} ${brand}`
        : `${brand} ${pick(random, ["JSC", "Co., Ltd", "Technology JSC", "Vietnam"])}`;
    else if (kind === "RESEARCH") {
      const lab = pick(random, ["Phòng thí nghiệm", "Nhóm nghiên cứu", "Trung tâm nghiên cứu", "Bộ môn"]);
      const field = pick(random, [
        "Hệ thống nhúng",
        "Trí tuệ nhân tạo",
        "Khoa học dữ liệu",
        "Vật liệu mới",
        "Cơ điện tử",
        "Viễn thám",
        "Kỹ thuật môi trường",
        "Công nghệ sinh học",
        "An toàn thông tin",
        "Tự động hóa",
      ]);
      name = `${lab} ${field} – ${pick(random, RESEARCH_ORGS)}`;
    } else if (kind === "AGENCY") name = `${pick(random, AGENCIES)} ${district}`;
    else name = `${pick(random, INNOVATION_CENTRES)} ${district}`;
    list.push({ id: `org-${i + 1}`, name, kind, district, brand });
  }
  organisationCache.set(key, list);
  return list;
}

function priceBandOf(price: number | null): (typeof PRICE_BANDS)[number] {
  if (price === null) return "lien-he";
  if (price < 1_000_000) return "duoi-1-trieu";
  if (price < 10_000_000) return "1-10-trieu";
  if (price < 100_000_000) return "10-100-trieu";
  if (price < 1_000_000_000) return "100-trieu-1-ty";
  return "tren-1-ty";
}

function place(random: Random, english: boolean) {
  const roll = random();
  if (roll < 0.45)
    return english
      ? `${pick(random, WARDS)} ward, ${pick(random, DISTRICTS)}`
      : `phường ${pick(random, WARDS)}, quận ${pick(random, DISTRICTS)}`;
  if (roll < 0.65) return english ? `${pick(random, DISTRICTS)} district` : `huyện ${pick(random, DISTRICTS)}`;
  if (roll < 0.85) return english ? `${pick(random, STREETS)} street` : `đường ${pick(random, STREETS)}`;
  return pick(random, LANDMARKS);
}

function titleOf(random: Random, bank: LanguageBank, brand: string, english: boolean) {
  const product = pick(random, bank.products);
  const generic = english ? GENERIC_EN : GENERIC_VI;
  switch (between(random, 0, 5)) {
    case 0:
      return `${capitalise(product)} ${brand}`;
    case 1:
      return english
        ? `${brand}: ${product} for ${pick(random, bank.users)}`
        : `${brand}: ${product} cho ${pick(random, bank.users)}`;
    case 2:
      return `${capitalise(product)} ${pick(random, generic.qualities)}`;
    case 3:
      return english
        ? `${capitalise(product)} in ${pick(random, DISTRICTS)}`
        : `${capitalise(product)} cho ${pick(random, bank.users)} tại ${pick(random, DISTRICTS)}`;
    case 4:
      return `${brand} – ${product}`;
    default:
      return english
        ? `${pick(random, generic.openers)} for ${pick(random, bank.searches)}: ${brand}`
        : `${pick(random, generic.openers)} ${pick(random, bank.searches)} ${brand}`;
  }
}

function vietnameseTexts(
  random: Random,
  bank: LanguageBank,
  brand: string,
  organisation: Organisation,
  deployment: string,
  price: number | null,
) {
  const [feature1, feature2, feature3] = sample(random, bank.features, 3);
  const pct = between(random, 8, 75);
  const summary = `${brand} ${feature1} và ${feature2}, giúp ${pick(random, bank.users)} ${pick(
    random,
    bank.benefits,
  )} tới ${pct}%.`;
  const sentences = [
    `Bài toán: ${pick(random, bank.problems)} tại ${place(random, false)}.`,
    `${brand} là ${pick(random, bank.products)} do ${organisation.name} phát triển, đã thí điểm tại ${place(
      random,
      false,
    )} từ năm ${between(random, 2018, 2025)}.`,
    `Giải pháp hỗ trợ ${feature1 ?? ""}, ${feature2 ?? ""} và ${feature3 ?? feature1 ?? ""}.`,
    `Sau ${between(random, 3, 36)} tháng vận hành tại ${pick(random, CUSTOMERS)}, ${pick(
      random,
      bank.benefits,
    )} ${pct}% so với trước khi triển khai.`,
    `Hệ thống kết nối với ${pick(random, INTEGRATIONS)} và ${pick(random, INTEGRATIONS)}, tuân thủ ${pick(
      random,
      STANDARDS,
    )}.`,
    `Phù hợp với ${pick(random, bank.users)} đang gặp tình trạng ${pick(random, bank.problems)}.`,
    {
      SAAS: `Cung cấp dưới dạng phần mềm dịch vụ (SaaS), dữ liệu lưu tại trung tâm dữ liệu ở ${pick(random, [
        "Hà Nội",
        "Hòa Lạc",
        "Việt Nam",
      ])}.`,
      ON_PREMISE: `Cài đặt tại máy chủ của đơn vị, thời gian triển khai khoảng ${between(random, 5, 90)} ngày.`,
      HARDWARE: `Thiết bị mã ${pick(random, BRAND_HEADS).toUpperCase()}-${between(
        random,
        100,
        9999,
      )} đạt chuẩn IP${pick(random, ["54", "65", "66", "67"])}, bảo hành ${between(random, 12, 60)} tháng.`,
      SERVICE: `Đội ngũ ${between(random, 5, 120)} kỹ sư hỗ trợ triển khai, đào tạo và vận hành trọn gói.`,
    }[deployment]!,
    price === null
      ? `Báo giá theo quy mô triển khai, vui lòng liên hệ.`
      : `Chi phí từ ${formatVnd(price)} đồng/${pick(random, GENERIC_VI.units)}, ${pick(random, [
          "miễn phí dùng thử 30 ngày",
          "giảm 20% cho hộ kinh doanh",
          "hỗ trợ trả góp",
          "đã gồm thuế VAT",
        ])}.`,
    `${pick(random, GENERIC_VI.connectors)}, ${brand} đã phục vụ hơn ${formatVnd(
      between(random, 2, 900) * 50,
    )} người dùng tại ${between(random, 1, 30)} quận, huyện.`,
    `Liên hệ: ${pick(random, ["anh", "chị", "ông", "bà"])} ${personName(random)}, ${pick(random, [
      "Giám đốc kinh doanh",
      "Trưởng nhóm sản phẩm",
      "Giám đốc công nghệ",
      "Chuyên viên tư vấn",
    ])}, văn phòng tại ${place(random, false)}.`,
  ];
  const body = [
    ...sample(random, sentences, between(random, 3, 6)),
    ...sample(random, DETAILS_VI, between(random, 1, 2)),
  ].join(" ");
  return { summary, body };
}

function englishTexts(
  random: Random,
  bank: LanguageBank,
  brand: string,
  organisation: Organisation,
  deployment: string,
  price: number | null,
) {
  const [feature1, feature2, feature3] = sample(random, bank.features, 3);
  const pct = between(random, 8, 75);
  const summary = `${brand} ${feature1} and ${feature2}, giving ${pick(random, bank.users)} ${pick(
    random,
    bank.benefits,
  )} of up to ${pct}%.`;
  const sentences = [
    `The problem: ${pick(random, bank.problems)} around ${place(random, true)}.`,
    `${brand} is a ${pick(random, bank.products)} built by ${organisation.name} and piloted in ${place(
      random,
      true,
    )} since ${between(random, 2018, 2025)}.`,
    `It ${feature1 ?? ""}, ${feature2 ?? ""} and ${feature3 ?? feature1 ?? ""}.`,
    `After ${between(random, 3, 36)} months at ${pick(random, CUSTOMERS)}, customers reported ${pick(
      random,
      bank.benefits,
    )} of ${pct}%.`,
    `It integrates with ${pick(random, INTEGRATIONS_EN)} and ${pick(random, INTEGRATIONS_EN)} and complies with ${pick(
      random,
      STANDARDS,
    )}.`,
    `Built for ${pick(random, bank.users)} facing ${pick(random, bank.problems)}.`,
    {
      SAAS: `Delivered as software as a service, with data hosted in ${pick(random, ["Hanoi", "Hoa Lac", "Vietnam"])}.`,
      ON_PREMISE: `Installed on the customer's own servers in about ${between(random, 5, 90)} days.`,
      HARDWARE: `Device model ${pick(random, BRAND_HEADS).toUpperCase()}-${between(random, 100, 9999)} is IP${pick(
        random,
        ["54", "65", "66", "67"],
      )} rated with a ${between(random, 12, 60)}-month warranty.`,
      SERVICE: `A team of ${between(random, 5, 120)} engineers handles rollout, training and operations.`,
    }[deployment]!,
    price === null
      ? `Pricing depends on the size of the deployment.`
      : `Plans start at ${formatVnd(price)} VND per ${pick(random, GENERIC_EN.units)}.`,
    `${pick(random, GENERIC_EN.connectors)}, ${brand} already serves more than ${
      between(random, 2, 900) * 50
    } users in ${between(random, 1, 30)} districts.`,
    `Contact ${personName(random)}, ${pick(random, ["Head of Sales", "Product Lead", "CTO", "Solutions Consultant"])}.`,
  ];
  const body = [
    ...sample(random, sentences, between(random, 3, 6)),
    ...sample(random, DETAILS_EN, between(random, 1, 2)),
  ].join(" ");
  return { summary, body };
}

const slugOf = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

const FIRST_PUBLISHED = Date.UTC(2023, 0, 1);
const LAST_PUBLISHED = Date.UTC(2026, 5, 30);

/** The sector bank offer `index` is about; also used to draw matching queries. */
export function bankOf(index: number, seed = DEFAULT_SEED): SectorBank {
  return skewed(randomFor(seed, index, 1), SECTOR_BANKS, 1.15);
}

export function generateOffer(index: number, options: OfferGeneratorOptions = {}): SearchDocument {
  const seed = options.seed ?? DEFAULT_SEED;
  const random = randomFor(seed, index);
  const bank = bankOf(index, seed);
  const english = chance(random, options.englishShare ?? 0.25);
  const language = english ? bank.en : bank.vi;
  const organisation = skewed(random, organisations(seed, options.organisations), 1.3);
  const brand = chance(random, 0.4) ? organisation.brand : brandName(random);
  const deployment = weighted(random, [
    ["SAAS", 45],
    ["ON_PREMISE", 20],
    ["HARDWARE", 20],
    ["SERVICE", 15],
  ] as const);
  const price = chance(random, 0.12)
    ? null
    : Math.round(Math.exp(Math.log(99_000) + random() * (Math.log(5e9) - Math.log(99_000))) / 1000) * 1000;
  const title = titleOf(random, language, brand, english);
  const texts = (english ? englishTexts : vietnameseTexts)(random, language, brand, organisation, deployment, price);

  const sectors = chance(random, 0.25)
    ? [...new Set([...bank.sectors, pick(random, SECTOR_SLUGS)])]
    : bank.sectors.slice(0, 1);
  const technologies = [
    ...new Set([
      ...sample(random, bank.technologies, between(random, 1, 2)),
      ...(chance(random, 0.2) ? [pick(random, TECHNOLOGY_SLUGS)] : []),
    ]),
  ];
  const labels = [...sectors, ...technologies].flatMap((slug) => LABELS.get(slug) ?? [slug]);
  const tags = sample(random, language.searches, between(random, 2, 4));
  const published = !chance(random, options.draftShare ?? 0.07);
  const publishedAt = published ? FIRST_PUBLISHED + Math.floor(random() * (LAST_PUBLISHED - FIRST_PUBLISHED)) : null;
  const entityId = `bench-${index}`;

  return {
    id: `offer:${entityId}`,
    type: "offer",
    entityId,
    slug: `${slugOf(title)}-${index}`,
    title: title.normalize("NFC"),
    summary: texts.summary.normalize("NFC"),
    body: texts.body.normalize("NFC"),
    keywords: [...new Set([...labels, ...tags, organisation.name])].map((keyword) => keyword.normalize("NFC")),
    published,
    organisationId: organisation.id,
    organisationName: organisation.name,
    sector: sectors,
    technology: technologies,
    trlBand: weighted(random, [
      ["1-3", 15],
      ["4-6", 35],
      ["7-9", 50],
    ] as const),
    deployment,
    priceBand: priceBandOf(price),
    evidenceLevel: weighted(random, [
      ["SELF_DECLARED", 50],
      ["DOCUMENTS_VERIFIED", 25],
      ["REFERENCE_CONFIRMED", 15],
      ["SANDBOX_TESTED", 10],
    ] as const),
    orgKind: organisation.kind,
    language: [english ? "en" : "vi"],
    priceMin: price,
    publishedAt,
  };
}

export function generateOffers(count: number, options: OfferGeneratorOptions = {}): SearchDocument[] {
  return Array.from({ length: count }, (_, index) => generateOffer(index, options));
}

/** Offers `0..count-1` in batches, as a reindex would send them. */
export function* offerBatches(
  count: number,
  batchSize = 1_000,
  options: OfferGeneratorOptions = {},
): Generator<SearchDocument[]> {
  for (let start = 0; start < count; start += batchSize) {
    const batch: SearchDocument[] = [];
    for (let index = start; index < Math.min(count, start + batchSize); index++)
      batch.push(generateOffer(index, options));
    yield batch;
  }
}

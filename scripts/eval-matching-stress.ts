// npx tsx scripts/eval-matching-stress.ts --dir search/relevance --out /tmp/stress [--kind topical|boilerplate] [--seed N]
// Writes a copy of a matching set whose offers are lengthened, to see how
// ranking copes with listings of very different lengths (real catalogues mix
// one-paragraph listings with multi-product brochures; the relevance sets do
// not). "topical": 30% of offers get three other offers' descriptions
// appended. "boilerplate": half get a generic company paragraph. Problems and
// qrels are copied unchanged; rank the copy with
// `npx tsx scripts/eval-matching-ablation.ts --dir OUT`.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: path.join(import.meta.dirname, "..", "search", "relevance") },
    offers: { type: "string" },
    out: { type: "string" },
    kind: { type: "string", default: "topical" },
    seed: { type: "string", default: "7" },
  },
});
if (!values.out) throw new Error("--out DIR is required");

const BOILERPLATE = {
  vi: "Công ty được thành lập năm 2012 với đội ngũ hơn 60 kỹ sư giàu kinh nghiệm, đạt chứng nhận ISO 9001:2015 và ISO 27001. Chúng tôi là đối tác tin cậy của nhiều tập đoàn, cơ quan nhà nước và doanh nghiệp trong và ngoài nước. Sản phẩm được bảo hành dài hạn, hỗ trợ kỹ thuật 24/7, đào tạo chuyển giao tận nơi. Chính sách giá linh hoạt, ưu đãi cho khách hàng ký hợp đồng dài hạn. Văn phòng tại Hà Nội, Đà Nẵng và TP. Hồ Chí Minh. Liên hệ hotline hoặc email để được tư vấn miễn phí và nhận báo giá chi tiết.",
  en: "Founded in 2012, our team of more than 60 experienced engineers is ISO 9001:2015 and ISO 27001 certified. We are a trusted partner of leading corporations, government agencies and enterprises at home and abroad. Products come with long warranties, 24/7 technical support and on-site training. Flexible pricing and discounts for long-term contracts. Offices in Hanoi, Da Nang and Ho Chi Minh City. Contact our hotline or email for a free consultation and a detailed quotation.",
};

// Small deterministic generator (mulberry32), so a seed gives the same copy.
let state = Number(values.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Offer = { description: string; language?: string } & Record<string, unknown>;
const offersFile = values.offers ?? path.join(values.dir, "offers.jsonl");
const offers = fs
  .readFileSync(offersFile, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Offer);
const descriptions = offers.map((offer) => offer.description);
for (const offer of offers) {
  if (values.kind === "boilerplate") {
    if (random() < 0.5)
      offer.description = `${offer.description} ${offer.language === "en" ? BOILERPLATE.en : BOILERPLATE.vi}`;
  } else if (random() < 0.3) {
    const others = Array.from({ length: 3 }, () => descriptions[Math.floor(random() * descriptions.length)]!);
    offer.description = [offer.description, ...others].join(" ");
  }
}
fs.mkdirSync(values.out, { recursive: true });
fs.writeFileSync(path.join(values.out, "offers.jsonl"), offers.map((offer) => JSON.stringify(offer)).join("\n") + "\n");
for (const file of ["problems.jsonl", "match-qrels.tsv"])
  fs.copyFileSync(path.join(values.dir, file), path.join(values.out, file));
process.stdout.write(`wrote ${offers.length} offers (${values.kind}) to ${values.out}\n`);

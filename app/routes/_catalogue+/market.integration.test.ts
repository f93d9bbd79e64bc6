import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { createOrganisation } from "~/models/organisation.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";

const server = startTestServer();
const packageIds: string[] = [];
let providerSlug = "";

beforeAll(async () => {
  const owner = await makeUser();
  const provider = await createOrganisation(owner.id, { name: "Công ty Hóa Đơn Xanh", kind: "PROVIDER" });
  providerSlug = provider.slug!;
  const need = await db.taxonomyTerm.create({
    data: { kind: "BUSINESS_NEED", slug: "hoa-don-dien-tu", nameVi: "Hóa đơn điện tử", nameEn: "E-invoicing" },
  });
  const make = async (title: string, status: "PUBLISHED" | "DRAFT", prices: (number | null)[]) => {
    const offer = await db.offer.create({
      data: {
        organisationId: provider.id,
        slug: title.toLowerCase().replace(/\s+/g, "-"),
        status,
        titleVi: title,
        summaryVi: `Tóm tắt ${title}`,
        descriptionMd: "Mô tả",
        trl: 9,
        deploymentModel: "SAAS",
        publishedAt: new Date(),
        terms: { create: [{ termId: need.id }] },
        packages: {
          create: prices.map((priceVnd, i) => ({
            name: `Gói ${i + 1}`,
            priceVnd: priceVnd === null ? null : BigInt(priceVnd),
            unit: "năm",
            sortOrder: i,
          })),
        },
      },
      include: { packages: true },
    });
    packageIds.push(...offer.packages.map((p) => p.id));
  };
  await make("HoaDon One", "PUBLISHED", [1_500_000, null]);
  await make("HoaDon Two", "PUBLISHED", [990_000, 3_000_000_000]);
  await make("HoaDon Draft", "DRAFT", [1]);
});

describe("the digital-transformation market", () => {
  it("lists published offers for a need with VND prices, and hides drafts", async () => {
    const page = visibleText((await server.browser().get("/market?need=hoa-don-dien-tu")).text);
    expect(page).toContain("HoaDon One");
    expect(page).toContain("HoaDon Two");
    expect(page).not.toContain("HoaDon Draft");
    expect(page).toContain("1.500.000 ₫ / năm");
    expect(page).toContain("3.000.000.000 ₫ / năm");
    expect(page).toContain(vi.market.priceOnRequest);
    expect(page).toContain(`${vi.layout.market}`);
    // Buying is here now: the page says how, not that it comes later.
    expect(page).toContain("bấm “Đặt mua gói này” trên gói bạn chọn");
    expect(page).not.toMatch(/đợt phát triển tiếp theo|giai đoạn sau/);
    const english = visibleText((await server.browser({ language: "en" }).get("/market?need=hoa-don-dien-tu")).text);
    expect(english).toContain("press “Order this package” on the package you choose");
    expect(english).not.toContain("next release");
  });

  it("compares up to four packages side by side, in the order picked, and says when there are too many or too few", async () => {
    const [a, b, c, d] = packageIds;
    const compare = await server.browser({ language: "en" }).get(`/market/compare?p=${c}&p=${a}`);
    expect(compare.status).toBe(200);
    const text = visibleText(compare.text);
    expect(text.indexOf("HoaDon Two")).toBeLessThan(text.indexOf("HoaDon One"));
    expect(text).toContain("₫1,500,000 / năm");
    expect(text).toContain(en.market.compareTitle);
    const five = await server.browser().get(`/market/compare?p=${a}&p=${b}&p=${c}&p=${d}&p=${packageIds[4]}`);
    expect(visibleText(five.text)).toContain(vi.market.compareTooMany);
    expect((five.text.match(/<th scope="col">/g) ?? []).length).toBe(4);
    const one = await server.browser().get(`/market/compare?p=${a}`);
    expect(one.status).toBe(400);
    expect(visibleText(one.text)).toContain(vi.market.compareTooFew);
  });
});

describe("public organisation profiles and the sitemap", () => {
  it("shows an organisation's published offers only, at a readable address", async () => {
    expect(providerSlug).toBe("cong-ty-hoa-don-xanh");
    const page = visibleText((await server.browser().get(`/organisations/${providerSlug}`)).text);
    expect(page).toContain("Công ty Hóa Đơn Xanh");
    expect(page).toContain("HoaDon One");
    expect(page).not.toContain("HoaDon Draft");
    expect((await server.browser().get("/organisations/khong-ton-tai")).status).toBe(404);
  });

  it("lists public pages in sitemap.xml with absolute URLs, and no drafts", async () => {
    const sitemap = await server.browser().get("/sitemap.xml");
    expect(sitemap.headers.get("content-type")).toContain("application/xml");
    expect(sitemap.text).toContain("<loc>http://localhost/offers/hoadon-one</loc>");
    expect(sitemap.text).toContain(`<loc>http://localhost/organisations/${providerSlug}</loc>`);
    expect(sitemap.text).not.toContain("hoadon-draft");
    const robots = await server.browser().get("/robots.txt");
    expect(robots.text).toContain("Sitemap: http://localhost/sitemap.xml");
  });
});

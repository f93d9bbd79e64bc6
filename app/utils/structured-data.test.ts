import { describe, expect, it } from "vitest";
import { offerJsonLd, serialiseJsonLd } from "./structured-data";

describe("serialiseJsonLd", () => {
  it("cannot close its script element or open a comment, and parses back to the same data", () => {
    const data = { name: "</script><script>alert(1)</script> <!-- & \u2028" };
    const text = serialiseJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe("offerJsonLd", () => {
  const offer = {
    slug: "den-thong-minh",
    status: "PUBLISHED",
    titleVi: "Đèn thông minh",
    titleEn: "Smart lights",
    summaryVi: "Tóm tắt",
    summaryEn: null,
    organisation: { name: "Công ty A", slug: "cong-ty-a" },
    packages: [
      { name: "Cơ bản", priceVnd: 1_500_000, unit: "tháng" },
      { name: "Doanh nghiệp", priceVnd: null, unit: "năm" },
    ],
    terms: [{ kind: "SECTOR", nameVi: "Giao thông", nameEn: "Transport" }],
    media: [],
  };

  it("states each priced package in VND and leaves out price on request", () => {
    const data = offerJsonLd(offer, "en")!;
    expect(data["@type"]).toBe("Product");
    expect(data.name).toBe("Smart lights");
    // No English summary: the Vietnamese one.
    expect(data.description).toBe("Tóm tắt");
    expect(data.category).toBe("Transport");
    expect(data.offers).toEqual([
      expect.objectContaining({ "@type": "Offer", name: "Cơ bản", price: 1_500_000, priceCurrency: "VND" }),
    ]);
  });

  it("says nothing for an offer that is not published", () => {
    expect(offerJsonLd({ ...offer, status: "DRAFT" }, "vi")).toBeNull();
  });
});

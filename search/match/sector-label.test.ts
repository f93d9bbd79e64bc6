import { describe, expect, it } from "vitest";
import { seedTerms } from "../../prisma/seed-taxonomy.ts";
import { labelKey, SECTOR_LABEL_ALIASES, sectorLabelReader } from "./sector-label.ts";

const sectors = seedTerms.filter((term) => term.kind === "SECTOR");
const read = sectorLabelReader(sectors);

describe("sectorLabelReader", () => {
  it("reads slugs and both names in any case, with or without diacritics or tone-mark style", () => {
    expect(read("giao-thong")).toBe("giao-thong");
    expect(read("GIAO THÔNG")).toBe("giao-thong");
    expect(read("Giao thong")).toBe("giao-thong");
    expect(read("Transport")).toBe("giao-thong");
    expect(read("Văn hoá và du lịch")).toBe("van-hoa-du-lich");
    expect(read("Văn hóa và du lịch")).toBe("van-hoa-du-lich");
    expect(read("Finance & Trade")).toBe("tai-chinh-thuong-mai");
  });

  it("reads usual department and field names", () => {
    expect(read("Y tế")).toBe("y-te");
    expect(read("Healthcare")).toBe("y-te");
    expect(read("PCCC")).toBe("an-ninh-an-toan");
    expect(read("cap nuoc")).toBe("cap-thoat-nuoc");
    expect(read("Tourism")).toBe("van-hoa-du-lich");
    expect(read("Construction")).toBe("quy-hoach-xay-dung");
    expect(read("An toàn thực phẩm")).toBe("nong-nghiep-thuc-pham");
  });

  it("leaves unknown or two-sided labels to the classifier", () => {
    expect(read("Đất đai")).toBeNull();
    expect(read("Kinh tế số")).toBeNull();
    expect(read("")).toBeNull();
  });

  it("has no alias that names two sectors", () => {
    const owner = new Map<string, string>();
    for (const sector of sectors) {
      for (const name of [sector.slug, sector.nameVi, sector.nameEn, ...(SECTOR_LABEL_ALIASES[sector.slug] ?? [])]) {
        const key = labelKey(name);
        expect(owner.get(key) ?? sector.slug, `${name} is in ${owner.get(key)} and ${sector.slug}`).toBe(sector.slug);
        owner.set(key, sector.slug);
      }
    }
    expect(Object.keys(SECTOR_LABEL_ALIASES).every((slug) => sectors.some((s) => s.slug === slug))).toBe(true);
  });
});

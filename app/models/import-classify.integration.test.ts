// Imported rows without taxonomy terms get confident suggestions, and the
// import report says which, so staff can check them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser } from "~/test-support/factories";
import { seedTerms } from "../../prisma/seed-taxonomy";
import { importOffers, importProblems } from "./import.server";

beforeAll(async () => {
  await db.taxonomyTerm.createMany({ data: seedTerms.map((term, sortOrder) => ({ ...term, sortOrder })) });
});

const termsOf = async (externalId: string) =>
  (await db.offer.findUniqueOrThrow({ where: { externalId }, include: { terms: { include: { term: true } } } })).terms
    .map((link) => `${link.term.kind}:${link.term.slug}`)
    .sort();

describe("classifying imported offers", () => {
  it("assigns the suggested sector and technology to rows whose tags named none, and reports them", async () => {
    const rows = [
      // No tags at all: sector and technology both suggested.
      {
        externalId: "c-1",
        provider: "Công ty Đèn Xanh",
        title: "Điều khiển đèn tín hiệu giao thông bằng trí tuệ nhân tạo",
        description: "Camera đếm xe tại nút giao, giảm ùn tắc giờ cao điểm.",
      },
      // The tag names the sector: only the technology is suggested.
      {
        externalId: "c-2",
        provider: "Công ty Đèn Xanh",
        title: "Bệnh án điện tử dùng trí tuệ nhân tạo",
        description: "Bác sĩ tra cứu hồ sơ bệnh nhân.",
        tags: ["Giao thông"],
      },
      // Free tags that match nothing and text with no clear subject: nothing is guessed.
      {
        externalId: "c-3",
        provider: "Công ty Đèn Xanh",
        title: "Gói dịch vụ tiêu chuẩn",
        description: "Dịch vụ trọn gói, hỗ trợ nhanh.",
        tags: ["nhãn lạ"],
      },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n");
    const report = await importOffers("offers.jsonl", rows, null);
    expect(report.created).toBe(3);

    const first = await termsOf("c-1");
    expect(first.filter((key) => key.startsWith("SECTOR:"))).toEqual(["SECTOR:giao-thong"]);
    expect(first).toContain("TECHNOLOGY:tri-tue-nhan-tao");
    const [sectorNote, techNote] = report.rows.find((row) => row.key === "c-1")!.reasons;
    expect(sectorNote).toBe("classify.importNote|Giao thông");
    expect(techNote).toMatch(/^classify\.importTechNote\|.*Trí tuệ nhân tạo/);

    // The declared sector stays the only one, even though the text reads as health.
    expect((await termsOf("c-2")).filter((key) => key.startsWith("SECTOR:"))).toEqual(["SECTOR:giao-thong"]);
    const second = report.rows.find((row) => row.key === "c-2")!.reasons;
    expect(second).toHaveLength(1);
    expect(second[0]).toMatch(/^classify\.importTechNote\|.*Trí tuệ nhân tạo/);

    expect(await termsOf("c-3")).toEqual([]);
    expect(report.rows.find((row) => row.key === "c-3")!.reasons).toEqual([]);
  });

  it("classifies on the row-by-row path too (an update of an existing offer)", async () => {
    const row = {
      externalId: "c-4",
      provider: "Công ty Nước Sạch",
      title: "Phát hiện rò rỉ đường ống nước",
      description: "Cảm biến áp suất báo thất thoát nước trên mạng lưới cấp nước.",
    };
    await importOffers("a.jsonl", JSON.stringify({ ...row, tags: ["Cấp thoát nước"] }), null);
    const again = await importOffers("a.jsonl", JSON.stringify(row), null);
    expect(again.updated).toBe(1);
    expect(again.rows[0]!.reasons).toContain("classify.importNote|Cấp thoát nước");
    expect((await termsOf("c-4")).filter((key) => key.startsWith("SECTOR:"))).toEqual(["SECTOR:cap-thoat-nuoc"]);
  });
});

describe("classifying imported major problems", () => {
  it("gives a problem without a known sector the suggested one, next to the unknown-sector note", async () => {
    const staff = await makeUser({ role: "STAFF" });
    const csv = [
      "code,title,description,sector",
      "K-1,Chống ngập úng nội đô mùa mưa,Giảm 30% điểm ngập sau mưa lớn,",
      "K-2,Bệnh viện quá tải,Người bệnh chờ khám quá lâu,không có lĩnh vực này",
      "K-3,Việc chung,Cải thiện mọi thứ,",
    ].join("\r\n");
    const report = await importProblems("problems.csv", csv, "Danh mục phân loại thử", staff.id);
    expect(report.created).toBe(3);
    const sectorOf = async (code: string) =>
      (
        await db.majorProblem.findFirstOrThrow({
          where: { code, list: { name: "Danh mục phân loại thử" } },
          include: { sector: true },
        })
      ).sector?.slug ?? null;
    expect(await sectorOf("K-1")).toBe("cap-thoat-nuoc");
    expect(report.rows.find((row) => row.key === "K-1")!.reasons).toEqual(["classify.importNote|Cấp thoát nước"]);
    expect(await sectorOf("K-2")).toBe("y-te");
    expect(report.rows.find((row) => row.key === "K-2")!.reasons).toEqual([
      "import.unknownSector|không có lĩnh vực này",
      "classify.importNote|Y tế",
    ]);
    expect(await sectorOf("K-3")).toBeNull();
  });
});

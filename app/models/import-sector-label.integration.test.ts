// A problem file names sectors the way people write them; the import reads
// them into the taxonomy instead of dropping them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser } from "~/test-support/factories";
import { seedTerms } from "../../prisma/seed-taxonomy";
import { importProblems } from "./import.server";

beforeAll(async () => {
  await db.taxonomyTerm.createMany({ data: seedTerms.map((term, sortOrder) => ({ ...term, sortOrder })) });
});

describe("importing problems with human sector labels", () => {
  it("maps names, English labels, labels without diacritics and usual department names; leaves two-sided ones to the classifier", async () => {
    const staff = await makeUser({ role: "STAFF" });
    const rows = [
      { code: "L-1", title: "Cây đổ sau bão", description: "Cây xanh trên phố gãy đổ.", sector: "PCCC" },
      {
        code: "L-2",
        title: "Patients wait too long",
        description: "Clinics are crowded every morning.",
        sector: "Healthcare",
      },
      { code: "L-3", title: "Mất nước mùa hè", description: "Nhà cao tầng không có nước.", sector: "cap nuoc" },
      {
        code: "L-4",
        title: "Old Quarter crowds",
        description: "Visitors pack the walking streets.",
        sector: "Tourism",
      },
      {
        code: "L-5",
        title: "Sang tên sổ đỏ chậm",
        description: "Hồ sơ đất đai tồn đọng ở bộ phận một cửa, thủ tục hành chính kéo dài.",
        sector: "Đất đai",
      },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n");
    const report = await importProblems("problems.jsonl", rows, "Danh mục nhãn lĩnh vực", staff.id);
    expect(report.created).toBe(5);
    const sectorOf = async (code: string) =>
      (
        await db.majorProblem.findFirstOrThrow({
          where: { code, list: { name: "Danh mục nhãn lĩnh vực" } },
          include: { sector: true },
        })
      ).sector?.slug ?? null;
    // The label wins over the text: "PCCC" is the agency's own choice.
    expect(await sectorOf("L-1")).toBe("an-ninh-an-toan");
    expect(await sectorOf("L-2")).toBe("y-te");
    expect(await sectorOf("L-3")).toBe("cap-thoat-nuoc");
    expect(await sectorOf("L-4")).toBe("van-hoa-du-lich");
    for (const code of ["L-1", "L-2", "L-3", "L-4"])
      expect(report.rows.find((row) => row.key === code)!.reasons, code).toEqual([]);
    // "Đất đai" could be two sectors: reported as unknown, and the text decides.
    expect(report.rows.find((row) => row.key === "L-5")!.reasons[0]).toBe("import.unknownSector|Đất đai");
  });
});

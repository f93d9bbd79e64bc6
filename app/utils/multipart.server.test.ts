import { describe, expect, it } from "vitest";
import { displayFileName } from "./multipart.server";

describe("displayFileName", () => {
  it("keeps ; = quotes and Vietnamese, drops the path and control characters", () => {
    expect(displayFileName("a;b.png")).toBe("a;b.png");
    expect(displayFileName('C:\\tệp\\ảnh "đẹp"=1.png')).toBe('ảnh "đẹp"=1.png');
    expect(displayFileName("../../etc/passwd")).toBe("passwd");
    expect(displayFileName("a\u0000b\r\n.pdf")).toBe("ab.pdf");
    expect(displayFileName("")).toBe("");
  });

  it("cuts a long name to 200 characters and keeps its extension", () => {
    const name = displayFileName(`${"ư".repeat(500)}.pdf`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("writes decomposed Vietnamese in NFC", () => {
    expect(displayFileName("a\u0301nh.png")).toBe("ánh.png");
  });
});

import { describe, expect, it } from "vitest";
import { checkUpload } from "./uploads.server";

const pdfBytes = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n");
const elfBytes = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...new Array(60).fill(0)]);
const pngBytes = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  0x0d,
  0x49,
  0x48,
  0x44,
  0x52,
  ...new Array(40).fill(0),
]);

describe("checkUpload", () => {
  it("accepts a real PDF brochure and gives it a random server-made name", async () => {
    const result = await checkUpload(new File([pdfBytes], "../../etc/Giới thiệu.pdf"), "BROCHURE");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.upload.storedName).toMatch(/^[a-f0-9]{32}\.pdf$/);
    expect(result.upload.originalName).toBe("Giới thiệu.pdf");
    expect(result.upload.mimeType).toBe("application/pdf");
  });

  it("refuses an executable renamed to .pdf", async () => {
    const result = await checkUpload(new File([elfBytes], "brochure.pdf"), "BROCHURE");
    expect(result).toEqual({ ok: false, error: "validation.fileType|pdf" });
  });

  it("refuses a PNG presented as a brochure, and a PDF presented as a logo", async () => {
    expect((await checkUpload(new File([pngBytes], "logo.pdf"), "BROCHURE")).ok).toBe(false);
    expect((await checkUpload(new File([pdfBytes], "logo.png"), "LOGO")).ok).toBe(false);
    expect((await checkUpload(new File([pngBytes], "logo.png"), "LOGO")).ok).toBe(true);
  });

  it("refuses a 20 MB image with the limit in the message", async () => {
    const big = new Uint8Array(20 * 1024 * 1024);
    big.set(pngBytes);
    expect(await checkUpload(new File([big], "anh.png"), "IMAGE")).toEqual({
      ok: false,
      error: "validation.fileTooLarge|5",
    });
  });
});

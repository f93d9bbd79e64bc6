import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "~/db.server";
import { enqueueSearchSync } from "~/models/search-index.server";
import { createOffer } from "~/models/offer-editing.server";
import { type CheckedMedia } from "~/models/offer-content.server";
import type { OfferFormValue } from "~/schemas/offer";
import { checkUpload, uploadDir, type UploadKind } from "~/utils/uploads.server";
import type { Page, TestBrowser } from "./http";

export async function makeTerms() {
  const suffix = randomUUID().slice(0, 6);
  const term = (kind: "SECTOR" | "TECHNOLOGY" | "BUSINESS_NEED", nameVi: string, nameEn: string) =>
    db.taxonomyTerm.create({
      data: {
        kind,
        slug: `${kind.toLowerCase()}-${suffix}`,
        nameVi: `${nameVi} ${suffix}`,
        nameEn: `${nameEn} ${suffix}`,
      },
    });
  return {
    sector: await term("SECTOR", "Giao thông", "Transport"),
    technology: await term("TECHNOLOGY", "Trí tuệ nhân tạo", "Artificial intelligence"),
    need: await term("BUSINESS_NEED", "Hóa đơn điện tử", "E-invoicing"),
  };
}

export type Terms = Awaited<ReturnType<typeof makeTerms>>;

// A complete, valid offer form as the browser would post it.
export function offerFields(terms: Terms, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    titleVi: "Đèn tín hiệu giao thông thông minh",
    titleEn: "Smart traffic lights",
    summaryVi: "Điều khiển đèn theo lưu lượng thực tế, giảm 20% thời gian chờ.",
    summaryEn: "Signals that follow real traffic, cutting waiting time by 20%.",
    descriptionMd: "## Tính năng\n\n- Camera đếm xe\n- **Điều khiển thích ứng**",
    sectorIds: terms.sector.id,
    technologyIds: terms.technology.id,
    businessNeedIds: terms.need.id,
    trl: "7",
    deploymentModel: "HARDWARE",
    ipStatus: "Bằng độc quyền giải pháp hữu ích số 2-0001234",
    "packages[0].name": "Gói nút giao",
    "packages[0].price": "1.500.000",
    "packages[0].unit": "tháng",
    "packages[1].name": "Gói toàn quận",
    "packages[1].onRequest": "on",
    "packages[1].unit": "năm",
    "references[0].customer": "UBND quận Cầu Giấy",
    "references[0].year": "2024",
    "references[0].result": "Giảm 18% thời gian chờ tại 12 nút giao.",
    contactName: "Nguyễn Văn Liên",
    contactEmail: "lien.he@songhongai.example.vn",
    contactPhone: "024 3826 1234",
    ...overrides,
  };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89];

export const fixtures = {
  png(size = 200): Uint8Array {
    const bytes = new Uint8Array(Math.max(size, 64));
    bytes.set([...PNG_SIGNATURE, ...IHDR]);
    return bytes;
  },
  // A JPEG start and no NUL byte, so TestBrowser (which refuses NULs in pages) can fetch it.
  jpeg(size = 200): Uint8Array {
    const bytes = new Uint8Array(size).fill(0x41);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]);
    return bytes;
  },
  pdf(): Uint8Array {
    return new TextEncoder().encode(
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
  },
  // An ELF executable header: what a ".pdf" that is really a program starts with.
  elf(): Uint8Array {
    const bytes = new Uint8Array(256);
    bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    return bytes;
  },
};

export type UploadPart = { field: "logo" | "images" | "brochure"; filename: string; type: string; bytes: Uint8Array };

// TestBrowser posts urlencoded forms; uploads need multipart, sent as a
// browser would (the browser's cookies, a same-site Origin).
export async function postMultipart(
  baseUrl: string,
  browser: TestBrowser,
  pathname: string,
  fields: Record<string, string | string[]>,
  files: UploadPart[] = [],
): Promise<Page> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  for (const file of files)
    body.append(file.field, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.filename);
  const response = await fetch(baseUrl + pathname, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie: browser.cookieHeader(), origin: baseUrl },
  });
  return {
    status: response.status,
    headers: response.headers,
    text: await response.text(),
    location: response.headers.get("location"),
  };
}

// Files are binary, which TestBrowser (rightly) refuses for pages.
export async function getFile(baseUrl: string, browser: TestBrowser | null, storedName: string) {
  const response = await fetch(`${baseUrl}/files/${storedName}`, {
    headers: browser ? { cookie: browser.cookieHeader() } : {},
    redirect: "manual",
  });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

export async function checkedFile(
  kind: UploadKind & CheckedMedia["kind"],
  filename: string,
  bytes: Uint8Array,
): Promise<CheckedMedia> {
  const result = await checkUpload(new File([bytes as Uint8Array<ArrayBuffer>], filename), kind);
  if (!result.ok) throw new Error(`fixture ${filename} refused: ${result.error}`);
  return { ...result, kind };
}

export function offerValue(
  terms: Terms,
  title = `Giải pháp thử ${randomUUID().slice(0, 6)}`,
  titleEn?: string,
): OfferFormValue {
  return {
    titleVi: title,
    titleEn,
    summaryVi: "Tóm tắt giải pháp thử nghiệm.",
    summaryEn: undefined,
    descriptionMd: "Mô tả **giải pháp**.",
    sectorIds: [terms.sector.id],
    technologyIds: [],
    businessNeedIds: [],
    trl: 6,
    deploymentModel: "SAAS",
    ipStatus: undefined,
    contactName: undefined,
    contactEmail: undefined,
    contactPhone: undefined,
    packages: [{ name: "Gói cơ bản", priceVnd: 2_000_000, unit: "tháng", description: null }],
    references: [],
    removeMedia: [],
  };
}

// An offer straight through the model, then moved to the wanted status.
export async function makeOffer(
  organisationId: string,
  actorId: string,
  terms: Terms,
  options: {
    status?: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CHANGES_REQUESTED" | "ARCHIVED";
    title?: string;
    titleEn?: string;
    files?: CheckedMedia[];
  } = {},
) {
  const value = offerValue(terms, options.title, options.titleEn);
  const offer = await createOffer(actorId, organisationId, value, options.files ?? []);
  if (options.status && options.status !== "DRAFT") {
    await db.offer.update({
      where: { id: offer.id },
      data: {
        status: options.status,
        submittedAt: new Date(),
        publishedAt: options.status === "PUBLISHED" ? new Date() : null,
      },
    });
    // Written behind the model's back, so tell the search index as the model would.
    await enqueueSearchSync(db, { type: "offer", id: offer.id });
  }
  return db.offer.findUniqueOrThrow({ where: { id: offer.id }, include: { media: true } });
}

export async function uploadExists(storedName: string): Promise<boolean> {
  return fs.access(path.join(uploadDir(), storedName)).then(
    () => true,
    () => false,
  );
}

export async function uploadCount(): Promise<number> {
  return (await fs.readdir(uploadDir()).catch(() => [] as string[])).length;
}

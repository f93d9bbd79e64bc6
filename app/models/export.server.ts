import { stringify } from "csv-stringify/sync";
import { db } from "~/db.server";

// A plain decimal number, negative or not: what a spreadsheet reads as a
// number and can only ever evaluate to itself.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

// A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR)
// gets a leading apostrophe, so an exported listing cannot attack whoever
// opens it. Numbers stay numbers (a refund's -1800, a deadline's -3 days
// left): an apostrophe would turn them into text and break every total.
export function neutraliseCell(value: unknown): string {
  if (typeof value === "bigint" || (typeof value === "number" && Number.isFinite(value))) return String(value);
  const text = value === null || value === undefined ? "" : String(value);
  if (PLAIN_NUMBER.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const body = stringify(
    rows.map((row) => columns.map((c) => neutraliseCell(row[c]))),
    { header: true, columns, record_delimiter: "\r\n" },
  );
  // The BOM makes Excel read the file as UTF-8 instead of mangling Vietnamese.
  return `\uFEFF${body}`;
}

export const offerColumns = [
  "externalId",
  "slug",
  "provider",
  "title",
  "titleEn",
  "summary",
  "summaryEn",
  "description",
  "trl",
  "deploymentModel",
  "evidenceLevel",
  "ipStatus",
  "tags",
  "sectors",
  "technologies",
  "businessNeeds",
  "packages",
  "references",
  "publishedAt",
];

export async function exportOffers() {
  const offers = await db.offer.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { publishedAt: "asc" },
    include: {
      organisation: { select: { name: true } },
      terms: { include: { term: { select: { kind: true, slug: true } } } },
      packages: { orderBy: { sortOrder: "asc" } },
      references: { orderBy: { sortOrder: "asc" } },
    },
  });
  return offers.map((o) => {
    const slugs = (kind: string) => o.terms.filter((t) => t.term.kind === kind).map((t) => t.term.slug);
    return {
      externalId: o.externalId ?? o.id,
      slug: o.slug,
      provider: o.organisation.name,
      title: o.titleVi,
      titleEn: o.titleEn,
      summary: o.summaryVi,
      summaryEn: o.summaryEn,
      description: o.descriptionMd,
      trl: o.trl,
      deploymentModel: o.deploymentModel,
      evidenceLevel: o.evidenceLevel,
      ipStatus: o.ipStatus,
      tags: o.tags,
      sectors: slugs("SECTOR"),
      technologies: slugs("TECHNOLOGY"),
      businessNeeds: slugs("BUSINESS_NEED"),
      packages: o.packages.map((p) => ({
        name: p.name,
        priceVnd: p.priceVnd === null ? null : Number(p.priceVnd),
        unit: p.unit,
      })),
      references: o.references.map((r) => ({ customer: r.customer, year: r.year, result: r.result })),
      publishedAt: o.publishedAt?.toISOString() ?? null,
    };
  });
}

export const problemColumns = [
  "list",
  "version",
  "code",
  "title",
  "description",
  "sector",
  "leadAgency",
  "priority",
  "status",
];

export async function exportMajorProblems() {
  const lists = await db.majorProblemList.findMany({
    where: { versions: { some: {} } },
    include: {
      versions: { orderBy: { number: "desc" }, take: 1, include: { items: { orderBy: { sortOrder: "asc" } } } },
    },
  });
  return lists.flatMap((list) =>
    list.versions[0]!.items.map((item) => ({
      list: list.name,
      version: list.versions[0]!.number,
      code: item.code,
      title: item.title,
      description: item.description,
      sector: item.sectorSlug,
      leadAgency: item.leadAgency,
      priority: item.priority,
      status: item.status,
    })),
  );
}

// Lists become "a; b" and records JSON, the same shapes the importer reads.
export function flattenForCsv(rows: Record<string, unknown>[]) {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        Array.isArray(value)
          ? value.every((v) => typeof v === "string")
            ? value.join("; ")
            : JSON.stringify(value)
          : value,
      ]),
    ),
  );
}

import { randomUUID } from "node:crypto";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import type { z } from "zod";
import { db, type Prisma } from "~/db.server";
import { importedOfferSchema, importedProblemSchema, type ImportedOffer, type ImportedProblem } from "~/schemas/import";
import { toSlug } from "~/utils/slug.server";
import { recordAudit } from "./audit.server";
import { IMPORT_MIN_SCORE, termSuggester } from "./classify.server";
import { enqueueSearchSync } from "./search-index.server";
import { notifySearchSync } from "~/search-service.server";
import { publishVersion } from "./major-problem.server";
import { organisationSlug } from "./organisation.server";
import { sectorLabelReader } from "../../search/match/sector-label.ts";

// Messages are i18n keys ("key|param"), shown in the reader's language by
// the staff page and in Vietnamese by the command line.
export type RowReport = { line: number; key: string; status: "created" | "updated" | "rejected"; reasons: string[] };
export type ImportReport = {
  rows: RowReport[];
  created: number;
  updated: number;
  rejected: number;
  listVersion?: number;
};

type RawRow = { line: number; record: Record<string, unknown> };

// `npm run import` has nobody signed in. On a database with no admin yet (a
// fresh one) it acts as this account, so the list it imports is published
// like a curator's and the audit log names the import plainly rather than
// an anonymous "system". The account cannot sign in: its password hash is
// not a hash, so no password ever verifies against it.
export const COMMAND_LINE_IMPORT_EMAIL = "nhap-du-lieu@he-thong.invalid";
export const COMMAND_LINE_IMPORT_NAME = "Nhập dữ liệu (dòng lệnh) / Import (command line)";

export async function commandLineImportActor(): Promise<{ id: string; name: string; email: string }> {
  return db.user.upsert({
    where: { email: COMMAND_LINE_IMPORT_EMAIL },
    create: {
      email: COMMAND_LINE_IMPORT_EMAIL,
      name: COMMAND_LINE_IMPORT_NAME,
      passwordHash: "!system-account:no-sign-in",
      role: "USER",
    },
    update: {},
    select: { id: true, name: true, email: true },
  });
}

// CSV (with a header row) or JSON Lines, UTF-8, with or without a BOM.
export function readRows(fileName: string, content: string): RawRow[] {
  const text = content.replace(/^\uFEFF/, "");
  const isJsonLines =
    path.extname(fileName).toLowerCase() === ".jsonl" ||
    path.extname(fileName).toLowerCase() === ".ndjson" ||
    text.trimStart().startsWith("{");
  if (isJsonLines) {
    return text.split(/\r?\n/).flatMap((line, index) => {
      if (!line.trim()) return [];
      try {
        const record = JSON.parse(line) as unknown;
        return [
          {
            line: index + 1,
            record:
              record && typeof record === "object" && !Array.isArray(record) ? (record as Record<string, unknown>) : {},
          },
        ];
      } catch {
        return [{ line: index + 1, record: { __unparseable: true } }];
      }
    });
  }
  const records = parseCsv(text, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    info: true,
  }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => ({ line: info.lines, record }));
}

function reasonsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `import.field|${issue.path.join(".") || "row"}|${issue.message}`);
}

function summarise(rows: RowReport[]): ImportReport {
  return {
    rows,
    created: rows.filter((r) => r.status === "created").length,
    updated: rows.filter((r) => r.status === "updated").length,
    rejected: rows.filter((r) => r.status === "rejected").length,
  };
}

const CHUNK = 250;

type TermIndex = Map<string, { id: string; kind: string }>;

async function termIndex(): Promise<TermIndex> {
  const terms = await db.taxonomyTerm.findMany({
    select: { id: true, kind: true, slug: true, nameVi: true, nameEn: true },
  });
  const index: TermIndex = new Map();
  for (const term of terms) {
    for (const key of [term.slug, term.nameVi.toLowerCase(), term.nameEn.toLowerCase(), toSlug(term.nameVi)]) {
      if (!index.has(key)) index.set(key, { id: term.id, kind: term.kind });
    }
  }
  return index;
}

type Suggester = Awaited<ReturnType<typeof termSuggester>>;

// A row whose tags named no sector (or no technology) gets the classifier's
// confident suggestions instead, and its report says so, so staff can check.
function suggestedOfferTerms(suggest: Suggester, row: ImportedOffer, matched: { id: string; kind: string }[]) {
  const has = (kind: string) => matched.some((term) => term.kind === kind);
  if (has("SECTOR") && has("TECHNOLOGY")) return { ids: [] as string[], reasons: [] as string[] };
  const found = suggest({ title: row.title, body: row.description }, { limit: 2, minScore: IMPORT_MIN_SCORE });
  const sectors = has("SECTOR") ? [] : found.sectors.slice(0, 1);
  const technologies = has("TECHNOLOGY") ? [] : found.technologies;
  const reasons = [
    ...(sectors.length ? [`classify.importNote|${sectors.map((term) => term.nameVi).join(", ")}`] : []),
    ...(technologies.length ? [`classify.importTechNote|${technologies.map((term) => term.nameVi).join(", ")}`] : []),
  ];
  return { ids: [...sectors, ...technologies].map((term) => term.id), reasons };
}

function offerData(row: ImportedOffer) {
  const english = row.language === "en";
  return {
    titleVi: row.title,
    titleEn: row.titleEn ?? (english ? row.title : null),
    summaryVi: row.summary ?? row.description.replace(/\s+/g, " ").slice(0, 280),
    summaryEn: row.summaryEn ?? (english && row.summary ? row.summary : null),
    descriptionMd: row.description,
    trl: row.trl ?? null,
    deploymentModel: row.deploymentModel ?? null,
    ipStatus: row.ipStatus ?? null,
    contactName: row.contactName ?? null,
    contactEmail: row.contactEmail ?? null,
    contactPhone: row.contactPhone ?? null,
  };
}

// Imported offers are published at once. A row either lands whole (offer,
// terms, packages, references, audit entry) or leaves nothing behind.
export async function importOffers(fileName: string, content: string, actorId: string | null): Promise<ImportReport> {
  const rows: RowReport[] = [];
  const valid: { line: number; row: ImportedOffer }[] = [];
  const seen = new Set<string>();
  for (const { line, record } of readRows(fileName, content)) {
    const parsed = importedOfferSchema.safeParse(record);
    const key = String(record.externalId ?? "").slice(0, 100);
    if (!parsed.success) rows.push({ line, key, status: "rejected", reasons: reasonsOf(parsed.error) });
    else if (seen.has(parsed.data.externalId))
      rows.push({ line, key, status: "rejected", reasons: ["import.duplicateInFile"] });
    else {
      seen.add(parsed.data.externalId);
      valid.push({ line, row: parsed.data });
    }
  }

  const terms = await termIndex();
  const suggest = await termSuggester();
  const organisations = new Map(
    (await db.organisation.findMany({ select: { id: true, name: true } })).map((o) => [
      o.name.trim().toLowerCase(),
      o.id,
    ]),
  );
  const slugs = new Set((await db.offer.findMany({ select: { slug: true } })).map((o) => o.slug));
  const nextSlug = (title: string) => {
    const base = toSlug(title).slice(0, 80).replace(/-+$/, "") || "giai-phap";
    let candidate = base;
    for (let n = 2; slugs.has(candidate); n++) candidate = `${base}-${n}`;
    slugs.add(candidate);
    return candidate;
  };

  async function saveRow(
    tx: Prisma.TransactionClient,
    { line, row }: { line: number; row: ImportedOffer },
    createdOrgs: string[],
  ): Promise<RowReport> {
    const providerKey = row.provider.toLowerCase();
    let organisationId = organisations.get(providerKey);
    if (!organisationId) {
      const organisation = await tx.organisation.create({
        data: { name: row.provider, kind: "PROVIDER", slug: await organisationSlug(row.provider) },
      });
      organisationId = organisation.id;
      organisations.set(providerKey, organisationId);
      createdOrgs.push(providerKey);
      await recordAudit(tx, {
        actorId,
        action: "organisation.imported",
        entityType: "Organisation",
        entityId: organisationId,
        after: { name: row.provider },
      });
    }
    const matched = row.tags
      .map((tag) => terms.get(tag.toLowerCase()) ?? terms.get(toSlug(tag)))
      .filter((t) => t !== undefined);
    const unmatched = row.tags.filter((tag) => !terms.has(tag.toLowerCase()) && !terms.has(toSlug(tag)));
    const suggested = suggestedOfferTerms(suggest, row, matched);
    const data = {
      ...offerData(row),
      tags: unmatched.length ? unmatched.join("; ") : null,
      status: "PUBLISHED" as const,
    };
    const existing = await tx.offer.findUnique({
      where: { externalId: row.externalId },
      select: { id: true, organisationId: true },
    });
    if (existing && existing.organisationId !== organisationId)
      return { line, key: row.externalId, status: "rejected", reasons: ["import.otherProvider"] };
    const offer = existing
      ? await tx.offer.update({ where: { id: existing.id }, data: { ...data, contentUpdatedAt: new Date() } })
      : await tx.offer.create({
          data: {
            ...data,
            organisationId,
            externalId: row.externalId,
            slug: nextSlug(row.title),
            publishedAt: new Date(),
          },
        });
    if (existing) {
      await tx.offerTerm.deleteMany({ where: { offerId: offer.id } });
      await tx.offerPackage.deleteMany({ where: { offerId: offer.id } });
      await tx.offerReference.deleteMany({ where: { offerId: offer.id } });
    }
    const termIds = [...new Set([...matched.map((t) => t.id), ...suggested.ids])];
    if (termIds.length)
      await tx.offerTerm.createMany({ data: termIds.map((termId) => ({ offerId: offer.id, termId })) });
    if (row.packages.length) {
      await tx.offerPackage.createMany({
        data: row.packages.map((p, i) => ({
          offerId: offer.id,
          name: p.name,
          priceVnd: p.priceVnd === null ? null : BigInt(p.priceVnd),
          unit: p.unit ?? "gói",
          sortOrder: i,
        })),
      });
    }
    if (row.references.length) {
      await tx.offerReference.createMany({
        data: row.references.map((r, i) => ({ offerId: offer.id, ...r, sortOrder: i })),
      });
    }
    await enqueueSearchSync(tx, { type: "offer", id: offer.id });
    await recordAudit(tx, {
      actorId,
      action: existing ? "offer.import_updated" : "offer.imported",
      entityType: "Offer",
      entityId: offer.id,
      after: { externalId: row.externalId, title: row.title, status: "PUBLISHED" },
    });
    return { line, key: row.externalId, status: existing ? "updated" : "created", reasons: suggested.reasons };
  }

  // New offers go in with one createMany per table per batch: row-by-row
  // inserts made 10,000 offers take a minute. Updates take the slower path.
  async function saveBatch(
    tx: Prisma.TransactionClient,
    chunk: { line: number; row: ImportedOffer }[],
    createdOrgs: string[],
  ) {
    const existing = new Set(
      (
        await tx.offer.findMany({
          where: { externalId: { in: chunk.map((c) => c.row.externalId) } },
          select: { externalId: true },
        })
      ).map((o) => o.externalId),
    );
    const out: RowReport[] = [];
    const offers: Prisma.OfferCreateManyInput[] = [];
    const offerTerms: Prisma.OfferTermCreateManyInput[] = [];
    const packages: Prisma.OfferPackageCreateManyInput[] = [];
    const references: Prisma.OfferReferenceCreateManyInput[] = [];
    const audits: Prisma.AuditEntryCreateManyInput[] = [];
    const now = new Date();
    for (const item of chunk) {
      const { row, line } = item;
      if (existing.has(row.externalId)) {
        const result = await saveRow(tx, item, createdOrgs);
        if (result.status === "rejected") throw new RowRefused();
        out.push(result);
        continue;
      }
      const providerKey = row.provider.toLowerCase();
      let organisationId = organisations.get(providerKey);
      if (!organisationId) {
        const organisation = await tx.organisation.create({
          data: { name: row.provider, kind: "PROVIDER", slug: await organisationSlug(row.provider) },
        });
        organisationId = organisation.id;
        organisations.set(providerKey, organisationId);
        createdOrgs.push(providerKey);
        audits.push({
          actorId,
          action: "organisation.imported",
          entityType: "Organisation",
          entityId: organisationId,
          after: JSON.stringify({ name: row.provider }),
        });
      }
      const id = randomUUID();
      const matched = row.tags
        .map((tag) => terms.get(tag.toLowerCase()) ?? terms.get(toSlug(tag)))
        .filter((t) => t !== undefined);
      const unmatched = row.tags.filter((tag) => !terms.has(tag.toLowerCase()) && !terms.has(toSlug(tag)));
      offers.push({
        ...offerData(row),
        id,
        organisationId,
        externalId: row.externalId,
        slug: nextSlug(row.title),
        status: "PUBLISHED",
        tags: unmatched.length ? unmatched.join("; ") : null,
        publishedAt: now,
        contentUpdatedAt: now,
      });
      const suggested = suggestedOfferTerms(suggest, row, matched);
      for (const termId of new Set([...matched.map((t) => t.id), ...suggested.ids]))
        offerTerms.push({ offerId: id, termId });
      row.packages.forEach((p, i) =>
        packages.push({
          offerId: id,
          name: p.name,
          priceVnd: p.priceVnd === null ? null : BigInt(p.priceVnd),
          unit: p.unit ?? "gói",
          sortOrder: i,
        }),
      );
      row.references.forEach((r, i) => references.push({ offerId: id, ...r, sortOrder: i }));
      audits.push({
        actorId,
        action: "offer.imported",
        entityType: "Offer",
        entityId: id,
        after: JSON.stringify({ externalId: row.externalId, title: row.title, status: "PUBLISHED" }),
      });
      out.push({ line, key: row.externalId, status: "created", reasons: suggested.reasons });
    }
    if (offers.length) await tx.offer.createMany({ data: offers });
    if (offerTerms.length) await tx.offerTerm.createMany({ data: offerTerms });
    if (packages.length) await tx.offerPackage.createMany({ data: packages });
    if (references.length) await tx.offerReference.createMany({ data: references });
    if (audits.length) await tx.auditEntry.createMany({ data: audits });
    await enqueueSearchSync(
      tx,
      offers.map((offer) => ({ type: "offer" as const, id: offer.id! })),
    );
    return out;
  }

  for (let start = 0; start < valid.length; start += CHUNK) {
    const chunk = valid.slice(start, start + CHUNK);
    const createdOrgs: string[] = [];
    const slugsBefore = new Set(slugs);
    try {
      // A refused or failing row inside a batch: redo the batch row by row so only it is left out.
      const results = await db.$transaction((tx) => saveBatch(tx, chunk, createdOrgs), { timeout: 120_000 });
      rows.push(...results);
    } catch {
      for (const key of createdOrgs) organisations.delete(key);
      for (const slug of [...slugs]) if (!slugsBefore.has(slug)) slugs.delete(slug);
      for (const item of chunk) {
        const orgsForRow: string[] = [];
        try {
          rows.push(
            await db.$transaction((tx) =>
              saveRow(tx, item, orgsForRow).then((r) => {
                if (r.status === "rejected") throw new RowRefused(r.reasons);
                return r;
              }),
            ),
          );
        } catch (error) {
          for (const key of orgsForRow) organisations.delete(key);
          const reasons =
            error instanceof RowRefused
              ? error.reasons
              : [`import.rowFailed|${(error as Error).message.split("\n")[0]}`];
          rows.push({ line: item.line, key: item.row.externalId, status: "rejected", reasons });
        }
      }
    }
  }
  notifySearchSync();
  return summarise(rows.sort((a, b) => a.line - b.line));
}

class RowRefused extends Error {
  constructor(public reasons: string[] = []) {
    super("row refused");
  }
}

// Problems go into a city list's working copy (created if needed) and are
// published as a new version, like a curator's amendment.
export async function importProblems(
  fileName: string,
  content: string,
  listName: string,
  actorId: string | null,
): Promise<ImportReport> {
  const rows: RowReport[] = [];
  const valid: { line: number; row: ImportedProblem }[] = [];
  const seen = new Set<string>();
  for (const { line, record } of readRows(fileName, content)) {
    const parsed = importedProblemSchema.safeParse(record);
    const key = String(record.code ?? "").slice(0, 30);
    if (!parsed.success) rows.push({ line, key, status: "rejected", reasons: reasonsOf(parsed.error) });
    else if (seen.has(parsed.data.code))
      rows.push({ line, key, status: "rejected", reasons: ["import.duplicateInFile"] });
    else {
      seen.add(parsed.data.code);
      valid.push({ line, row: parsed.data });
    }
  }
  if (valid.length === 0) return summarise(rows.sort((a, b) => a.line - b.line));

  const terms = await termIndex();
  const suggest = await termSuggester();
  // Files name sectors as people do ("Y tế", "Transport", "PCCC", "cap nuoc").
  const readSectorLabel = sectorLabelReader(
    await db.taxonomyTerm.findMany({ where: { kind: "SECTOR" }, select: { slug: true, nameVi: true, nameEn: true } }),
  );
  const slug = toSlug(listName) || "imported";
  const year = new Date().getFullYear();
  const list =
    (await db.majorProblemList.findUnique({ where: { slug } })) ??
    (await db.majorProblemList.create({
      data: {
        name: listName,
        slug,
        decisionNumber: "—",
        decisionDate: new Date(),
        periodStart: year,
        periodEnd: year + 4,
      },
    }));

  for (const { line, row } of valid) {
    const labelSlug = row.sector ? readSectorLabel(row.sector) : null;
    const sectorTerm = row.sector
      ? (labelSlug ? terms.get(labelSlug) : undefined) ??
        terms.get(row.sector.toLowerCase()) ??
        terms.get(toSlug(row.sector))
      : undefined;
    let sectorId = sectorTerm?.kind === "SECTOR" ? sectorTerm.id : null;
    const reasons = row.sector && !sectorId ? [`import.unknownSector|${row.sector}`] : [];
    if (!sectorId) {
      const [suggested] = suggest(
        { title: row.title, body: row.description },
        { limit: 1, minScore: IMPORT_MIN_SCORE },
      ).sectors;
      if (suggested) {
        sectorId = suggested.id;
        reasons.push(`classify.importNote|${suggested.nameVi}`);
      }
    }
    const data = {
      title: row.title,
      description: row.description,
      titleEn: row.titleEn,
      summaryEn: row.summaryEn,
      sectorId,
      leadAgency: row.leadAgency ?? "—",
      priority: row.priority,
    };
    try {
      const status = await db.$transaction(async (tx) => {
        const existing = await tx.majorProblem.findUnique({
          where: { listId_code: { listId: list.id, code: row.code } },
        });
        const item = existing
          ? await tx.majorProblem.update({ where: { id: existing.id }, data })
          : await tx.majorProblem.create({
              data: {
                ...data,
                listId: list.id,
                code: row.code,
                sortOrder: await tx.majorProblem.count({ where: { listId: list.id } }),
              },
            });
        await recordAudit(tx, {
          actorId,
          action: existing ? "major_problem.import_updated" : "major_problem.imported",
          entityType: "MajorProblem",
          entityId: item.id,
          after: { code: row.code, ...data },
        });
        return existing ? ("updated" as const) : ("created" as const);
      });
      rows.push({ line, key: row.code, status, reasons });
    } catch (error) {
      rows.push({
        line,
        key: row.code,
        status: "rejected",
        reasons: [`import.rowFailed|${(error as Error).message.split("\n")[0]}`],
      });
    }
  }
  const report = summarise(rows.sort((a, b) => a.line - b.line));
  if (report.created + report.updated > 0 && actorId) {
    const published = await publishVersion(
      actorId,
      list.id,
      `Nhập ${report.created + report.updated} bài toán từ tệp ${path.basename(fileName)}.`,
    );
    if (published.status === "published") report.listVersion = published.number;
  }
  return report;
}

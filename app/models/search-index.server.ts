// What goes into the search index, and the outbox that keeps it in step with
// the database. Writers call `enqueueSearchSync` inside their transaction;
// the worker (search-sync.server.ts) turns entries into documents from the
// current database state.
import { db, type Db } from "~/db.server";
import { PRICE_BANDS } from "~/schemas/search";
import { detectLanguage } from "../../search/text.ts";
import type { SearchDocType, SearchDocument } from "../../search/types.ts";

type Tx = Pick<Db, "searchOutbox">;

export type SearchEntityType = SearchDocType;
export type SearchRef = { type: SearchEntityType; id: string };

export async function enqueueSearchSync(tx: Tx, refs: SearchRef | SearchRef[]): Promise<void> {
  const list = Array.isArray(refs) ? refs : [refs];
  if (list.length === 0) return;
  await tx.searchOutbox.createMany({ data: list.map((ref) => ({ entityType: ref.type, entityId: ref.id })) });
}

/** Asks the worker to rebuild the whole index from the database. */
export async function enqueueFullReindex(tx: Tx = db): Promise<void> {
  await tx.searchOutbox.create({ data: { entityType: "all", entityId: "*" } });
}

export const documentId = (type: SearchEntityType, id: string) => `${type}:${id}`;

// --- facet values ----------------------------------------------------------

export function trlBand(trl: number | null | undefined): string | null {
  if (!trl) return null;
  return trl <= 3 ? "1-3" : trl <= 6 ? "4-6" : "7-9";
}

export function priceBand(vnd: number | null): (typeof PRICE_BANDS)[number] {
  if (vnd === null) return "on-request";
  if (vnd < 50_000_000) return "under-50m";
  if (vnd < 500_000_000) return "50m-500m";
  if (vnd < 2_000_000_000) return "500m-2b";
  return "over-2b";
}

// Search matches words, not markup.
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const terms = (list: { term: { kind: string; slug: string; nameVi: string; nameEn: string } }[], kind: string) =>
  list.filter((link) => link.term.kind === kind).map((link) => link.term);

// --- documents ---------------------------------------------------------------
//
// A sector is a facet (the "Lĩnh vực" filter, and sector feedback in ranking),
// never words of the text. Its names are broad ("An ninh, an toàn", "Hạ tầng
// số và chuyển đổi số"), so as words they made a phrase query match every
// listing of the sector: "an ninh trật tự" listed every cybersecurity offer,
// "chuyn đổi số" every digital-infrastructure one (dev set through the app,
// phrase noise 0.197 with them, 0.140 without; search/relevance/README.md).

const SEARCHABLE_OFFER_STATUSES = ["DRAFT", "SUBMITTED", "PUBLISHED", "CHANGES_REQUESTED"] as const;

async function offerDocuments(ids: string[]): Promise<SearchDocument[]> {
  const offers = await db.offer.findMany({
    where: { id: { in: ids }, status: { in: [...SEARCHABLE_OFFER_STATUSES] } },
    include: {
      organisation: { select: { name: true, kind: true } },
      terms: { include: { term: true } },
      packages: { select: { priceVnd: true } },
    },
  });
  return offers.map((offer) => {
    const prices = offer.packages.flatMap((pack) => (pack.priceVnd === null ? [] : [Number(pack.priceVnd)]));
    const priceMin = prices.length ? Math.min(...prices) : null;
    const allTerms = offer.terms.map((link) => link.term);
    const languages = new Set([detectLanguage(`${offer.titleVi} ${offer.summaryVi}`)]);
    if (offer.titleEn || offer.summaryEn) languages.add("en");
    return {
      id: documentId("offer", offer.id),
      type: "offer",
      entityId: offer.id,
      slug: offer.slug,
      title: offer.titleVi,
      summary: offer.summaryVi,
      body: [offer.titleEn, offer.summaryEn, plainText(offer.descriptionMd)].filter(Boolean).join(" \n "),
      keywords: [
        // Technology and business-need names say what the offer is.
        ...allTerms.filter((term) => term.kind !== "SECTOR").flatMap((term) => [term.nameVi, term.nameEn]),
        ...(offer.tags
          ? offer.tags
              .split(/[,;\n]/)
              .map((tag) => tag.trim())
              .filter(Boolean)
          : []),
        offer.organisation.name,
      ],
      published: offer.status === "PUBLISHED",
      organisationId: offer.organisationId,
      organisationName: offer.organisation.name,
      sector: terms(offer.terms, "SECTOR").map((term) => term.slug),
      technology: terms(offer.terms, "TECHNOLOGY").map((term) => term.slug),
      trlBand: trlBand(offer.trl),
      deployment: offer.deploymentModel,
      priceBand: priceBand(priceMin),
      evidenceLevel: offer.evidenceLevel,
      orgKind: offer.organisation.kind,
      language: [...languages],
      priceMin,
      publishedAt: offer.publishedAt?.getTime() ?? null,
    } satisfies SearchDocument;
  });
}

async function problemDocuments(ids: string[]): Promise<SearchDocument[]> {
  const statements = await db.problemStatement.findMany({
    where: { id: { in: ids } },
    include: {
      organisation: { select: { name: true, kind: true } },
      majorProblem: { select: { code: true, title: true, sector: true } },
    },
  });
  return statements.map((statement) => {
    const sector = statement.majorProblem?.sector ?? null;
    const budget = statement.budgetMaxVnd ?? statement.budgetMinVnd;
    return {
      id: documentId("problem", statement.id),
      type: "problem",
      entityId: statement.id,
      slug: statement.slug,
      title: statement.title,
      summary: statement.context,
      body: [
        statement.targetUsers,
        statement.scopeOfWork,
        statement.deliverable,
        statement.successCriteria,
        statement.constraints,
        statement.dataAvailable,
      ]
        .filter(Boolean)
        .join(" \n "),
      keywords: [
        statement.organisation.name,
        ...(statement.majorProblem ? [statement.majorProblem.code, statement.majorProblem.title] : []),
      ],
      // Closed statements stay public: their outcome is part of the record.
      published: statement.status === "PUBLISHED" || statement.status === "CLOSED",
      organisationId: statement.organisationId,
      organisationName: statement.organisation.name,
      sector: sector ? [sector.slug] : [],
      technology: [],
      trlBand: trlBand(statement.desiredTrl),
      deployment: null,
      priceBand: budget === null ? null : priceBand(Number(budget)),
      evidenceLevel: null,
      orgKind: statement.organisation.kind,
      language: [detectLanguage(`${statement.title} ${statement.context}`)],
      priceMin: budget === null ? null : Number(budget),
      publishedAt: statement.publishedAt?.getTime() ?? null,
    } satisfies SearchDocument;
  });
}

// Major problems are searched as the city published them: the latest frozen
// version of their list, never the staff's working copy.
/** Each major problem as its list's latest published version holds it; absent when never published. */
export async function publishedMajorProblems(ids: string[]) {
  const problems = ids.length
    ? await db.majorProblem.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          list: {
            select: {
              slug: true,
              name: true,
              versions: {
                orderBy: { number: "desc" },
                take: 1,
                select: { publishedAt: true, items: { where: { majorProblemId: { in: ids } } } },
              },
            },
          },
        },
      })
    : [];
  return problems.flatMap((problem) => {
    const version = problem.list.versions[0];
    const item = version?.items.find((candidate) => candidate.majorProblemId === problem.id);
    return version && item ? [{ id: problem.id, list: problem.list, publishedAt: version.publishedAt, item }] : [];
  });
}

async function majorProblemDocuments(ids: string[]): Promise<SearchDocument[]> {
  return (await publishedMajorProblems(ids)).map(
    ({ id, list, publishedAt, item }) =>
      ({
        id: documentId("major-problem", id),
        type: "major-problem",
        entityId: id,
        slug: `${list.slug}/${item.code}`,
        title: item.title,
        summary: item.description,
        // The English wording staff entered, so an English query finds the problem too.
        body: [item.titleEn, item.summaryEn].filter(Boolean).join(" \n "),
        keywords: [item.code, item.leadAgency, list.name],
        published: true,
        organisationId: null,
        organisationName: item.leadAgency,
        sector: item.sectorSlug ? [item.sectorSlug] : [],
        technology: [],
        trlBand: null,
        deployment: null,
        priceBand: null,
        evidenceLevel: null,
        orgKind: null,
        language: [...new Set([detectLanguage(`${item.title} ${item.description}`), ...(item.titleEn ? ["en"] : [])])],
        priceMin: null,
        publishedAt: publishedAt.getTime(),
      } satisfies SearchDocument),
  );
}

/** Current documents for the refs; a ref with no document should be removed. */
export async function loadSearchDocuments(
  refs: SearchRef[],
): Promise<{ upserts: SearchDocument[]; removals: string[] }> {
  const idsOf = (type: SearchEntityType) => [...new Set(refs.filter((ref) => ref.type === type).map((ref) => ref.id))];
  const documents = (
    await Promise.all([
      offerDocuments(idsOf("offer")),
      problemDocuments(idsOf("problem")),
      majorProblemDocuments(idsOf("major-problem")),
    ])
  ).flat();
  const present = new Set(documents.map((document) => document.id));
  const removals = [...new Set(refs.map((ref) => documentId(ref.type, ref.id)))].filter((id) => !present.has(id));
  return { upserts: documents, removals };
}

// Prisma binds at most 999 values per SQLite statement, and a page's ids
// are bound together with the status list when its documents are loaded.
const REBUILD_PAGE_SIZE = 500;

/** Every record that can have a document, in pages, for a rebuild. */
export async function* allSearchRefs(pageSize = REBUILD_PAGE_SIZE): AsyncGenerator<SearchRef[]> {
  const sources: [SearchEntityType, (cursor: string | undefined) => Promise<{ id: string }[]>][] = [
    [
      "offer",
      (cursor) =>
        db.offer.findMany({
          where: { status: { in: [...SEARCHABLE_OFFER_STATUSES] } },
          select: { id: true },
          orderBy: { id: "asc" },
          take: pageSize,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        }),
    ],
    [
      "problem",
      (cursor) =>
        db.problemStatement.findMany({
          select: { id: true },
          orderBy: { id: "asc" },
          take: pageSize,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        }),
    ],
    [
      "major-problem",
      (cursor) =>
        db.majorProblem.findMany({
          select: { id: true },
          orderBy: { id: "asc" },
          take: pageSize,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        }),
    ],
  ];
  for (const [type, page] of sources) {
    let cursor: string | undefined;
    for (;;) {
      const rows = await page(cursor);
      if (rows.length === 0) break;
      yield rows.map((row) => ({ type, id: row.id }));
      cursor = rows.at(-1)!.id;
      if (rows.length < pageSize) break;
    }
  }
}

/** Major problems whose public text changes when a list version is published. */
export async function majorProblemRefsOfList(
  tx: Pick<Db, "majorProblem" | "majorProblemVersionItem">,
  listId: string,
): Promise<SearchRef[]> {
  const [current, everPublished] = await Promise.all([
    tx.majorProblem.findMany({ where: { listId }, select: { id: true } }),
    tx.majorProblemVersionItem.findMany({
      where: { version: { listId } },
      select: { majorProblemId: true },
      distinct: ["majorProblemId"],
    }),
  ]);
  const ids = new Set([...current.map((row) => row.id), ...everPublished.map((row) => row.majorProblemId)]);
  return [...ids].map((id) => ({ type: "major-problem", id }));
}

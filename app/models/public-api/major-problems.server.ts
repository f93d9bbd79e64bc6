// Major problems: the items of each list's latest published version.
import { db, type Prisma } from "~/db.server";
import { bySync, inSync, pageOf, type Paging, type SyncQuery } from "./shared.server";

// Newest list first (by period, then creation), so a code that several lists
// share resolves to the newest list's problem.
export async function latestVersions(listSlug?: string) {
  const lists = await db.majorProblemList.findMany({
    where: { versions: { some: {} }, ...(listSlug ? { slug: listSlug } : {}) },
    orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
    select: {
      slug: true,
      name: true,
      nameEn: true,
      summary: true,
      summaryEn: true,
      decisionNumber: true,
      decisionDate: true,
      periodStart: true,
      periodEnd: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, publishedAt: true } },
    },
  });
  return lists.map(({ versions, ...list }) => ({ list, version: versions[0]! }));
}
type LatestVersion = Awaited<ReturnType<typeof latestVersions>>[number];
type VersionItem = Prisma.MajorProblemVersionItemGetPayload<object>;

export function majorProblemJson(item: VersionItem, { list, version }: LatestVersion) {
  return {
    id: item.majorProblemId,
    code: item.code,
    title: item.title,
    description: item.description,
    titleEn: item.titleEn,
    summaryEn: item.summaryEn,
    sector: item.sectorSlug
      ? {
          slug: item.sectorSlug,
          nameVi: item.sectorNameVi ?? item.sectorSlug,
          nameEn: item.sectorNameEn ?? item.sectorSlug,
        }
      : null,
    leadAgency: item.leadAgency,
    priority: item.priority,
    status: item.status,
    list: {
      slug: list.slug,
      name: list.name,
      nameEn: list.nameEn,
      summary: list.summary,
      summaryEn: list.summaryEn,
      decisionNumber: list.decisionNumber,
      decisionDate: list.decisionDate.toISOString(),
      periodStart: list.periodStart,
      periodEnd: list.periodEnd,
      version: version.number,
      publishedAt: version.publishedAt.toISOString(),
    },
    url: `/major-problems/${list.slug}/${encodeURIComponent(item.code)}`,
    // A problem's public text only changes when its list publishes a version.
    updatedAt: version.publishedAt.toISOString(),
  };
}
export type PublicMajorProblem = ReturnType<typeof majorProblemJson>;

async function publishedItems(where: Prisma.MajorProblemVersionItemWhereInput, listSlug?: string) {
  const versions = await latestVersions(listSlug);
  const byVersion = new Map(versions.map((entry, index) => [entry.version.id, { entry, index }]));
  const items = await db.majorProblemVersionItem.findMany({
    where: { ...where, versionId: { in: [...byVersion.keys()] } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return items
    .map((item) => ({ item, ...byVersion.get(item.versionId)! }))
    .sort((a, b) => a.index - b.index)
    .map(({ item, entry }) => majorProblemJson(item, entry));
}

export async function listPublicMajorProblems(
  query: Paging & SyncQuery & { list?: string; sector?: string; status?: VersionItem["status"] },
) {
  // A few hundred problems at most: paging in memory keeps the list order simple.
  let all = await publishedItems(
    { ...(query.sector ? { sectorSlug: query.sector } : {}), ...(query.status ? { status: query.status } : {}) },
    query.list,
  );
  if (query.updatedSince) all = all.filter((problem) => inSync(problem, query)).sort(bySync);
  const start = (query.page - 1) * query.perPage;
  const items = all.slice(start, start + query.perPage);
  return pageOf(items, all.length, query, items.at(-1));
}

export async function getPublicMajorProblem(code: string, listSlug?: string) {
  return (await publishedItems({ code }, listSlug))[0] ?? null;
}

/** Published major problems (latest version of each list) by working-copy id. */
export async function publicMajorProblemsById() {
  const versions = await latestVersions();
  const byVersion = new Map(versions.map((entry) => [entry.version.id, entry]));
  const items = await db.majorProblemVersionItem.findMany({ where: { versionId: { in: [...byVersion.keys()] } } });
  // Newest list first, as elsewhere, when one problem sits in several lists.
  const order = new Map(versions.map((entry, index) => [entry.version.id, index]));
  items.sort((a, b) => order.get(a.versionId)! - order.get(b.versionId)!);
  const byId = new Map<string, PublicMajorProblem>();
  for (const item of items)
    if (!byId.has(item.majorProblemId))
      byId.set(item.majorProblemId, majorProblemJson(item, byVersion.get(item.versionId)!));
  return byId;
}

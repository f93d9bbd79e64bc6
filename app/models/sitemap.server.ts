import { db } from "~/db.server";

export type SitemapEntry = { path: string; lastModified?: Date };

// Every public page a search engine may index: only published content.
export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const [lists, offers, statements, organisations] = await Promise.all([
    db.majorProblemList.findMany({
      where: { versions: { some: {} } },
      select: {
        slug: true,
        versions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { publishedAt: true, items: { select: { code: true } } },
        },
      },
    }),
    db.offer.findMany({ where: { status: "PUBLISHED" }, select: { slug: true, updatedAt: true } }),
    db.problemStatement.findMany({
      where: { status: { in: ["PUBLISHED", "CLOSED"] } },
      select: { slug: true, updatedAt: true },
    }),
    db.organisation.findMany({ where: { slug: { not: null } }, select: { slug: true, updatedAt: true } }),
  ]);
  return [
    { path: "/" },
    { path: "/major-problems" },
    { path: "/search?type=offer" },
    { path: "/problems" },
    { path: "/market" },
    { path: "/organisations" },
    ...lists.flatMap((list) => {
      const latest = list.versions[0]!;
      return [
        { path: `/major-problems/${list.slug}`, lastModified: latest.publishedAt },
        ...latest.items.map((item) => ({
          path: `/major-problems/${list.slug}/${encodeURIComponent(item.code)}`,
          lastModified: latest.publishedAt,
        })),
      ];
    }),
    ...offers.map((o) => ({ path: `/offers/${o.slug}`, lastModified: o.updatedAt })),
    ...statements.map((s) => ({ path: `/problems/${s.slug}`, lastModified: s.updatedAt })),
    ...organisations.map((o) => ({ path: `/organisations/${o.slug}`, lastModified: o.updatedAt })),
  ];
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function renderSitemap(baseUrl: string, entries: SitemapEntry[]): string {
  const urls = entries
    .map(
      (e) =>
        `  <url><loc>${escapeXml(new URL(e.path, baseUrl).toString())}</loc>${
          e.lastModified ? `<lastmod>${e.lastModified.toISOString().slice(0, 10)}</lastmod>` : ""
        }</url>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

// What the public JSON API (/api/v1) shows: published records only, in
// shapes that leave out everything private (contact details, drafts,
// proposals, staff notes, the curation state of matches). Routes call these
// and add nothing but headers.
// One module per resource (offers, problem-statements, major-problems,
// organisations, matches, ranked-matches), as the /api/v1 paths are named;
// this one holds the paging and serialising they share.
import type { NextPage } from "~/api/respond.server";
import type { Language } from "~/i18n/config";

export type Paging = { page: number; perPage: number };
/** Incremental sync: records whose public updatedAt is at or after updatedSince; `after` continues past the record with that id. */
export type SyncQuery = { updatedSince?: Date; after?: string };
export type Synced = { id: string; updatedAt: string };

// Normal lists keep their reading order (newest first) and page by number;
// an updatedSince walk goes oldest change first and its next link starts
// after the last record returned, so paging stays right while data changes.
export function pageOf<T>(items: T[], total: number, query: Paging & SyncQuery, last: Synced | undefined) {
  const skipped = (query.page - 1) * query.perPage;
  let next: NextPage | null = null;
  if (skipped + items.length < total && items.length > 0) {
    next = query.updatedSince && last ? { updatedSince: last.updatedAt, after: last.id } : { page: query.page + 1 };
  }
  return { total, page: query.page, perPage: query.perPage, next, items };
}

export function syncWhere(query: SyncQuery): { updatedAt?: { gte: Date }; OR?: object[] } {
  if (!query.updatedSince) return {};
  if (!query.after) return { updatedAt: { gte: query.updatedSince } };
  return {
    OR: [{ updatedAt: { gt: query.updatedSince } }, { updatedAt: query.updatedSince, id: { gt: query.after } }],
  };
}
export const syncOrder = [{ updatedAt: "asc" as const }, { id: "asc" as const }];

/** The same rule as syncWhere, for records filtered in memory (sorted by updatedAt, id). */
export function inSync(record: Synced, query: SyncQuery) {
  if (!query.updatedSince) return true;
  const since = query.updatedSince.toISOString();
  return record.updatedAt > since || (record.updatedAt === since && (!query.after || record.id > query.after));
}
export const bySync = (a: Synced, b: Synced) =>
  a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1;
export const localised = (language: Language, vi: string, en: string | null) => (language === "en" && en ? en : vi);
export const iso = (date: Date | null) => (date ? date.toISOString() : null);
export const vnd = (amount: bigint | null) => (amount === null ? null : Number(amount));
export const organisationJson = (organisation: { name: string; slug: string | null }) => ({
  name: organisation.name,
  slug: organisation.slug,
  url: organisation.slug ? `/organisations/${organisation.slug}` : null,
});

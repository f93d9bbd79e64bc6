import { enqueueFullReindex } from "~/models/search-index.server";
import { settleSearchIndex } from "~/search-service.server";

/** Waits until every change made through the models is searchable. */
export async function syncSearch() {
  await settleSearchIndex();
}

/** For data a factory wrote straight to the tables: rebuild from the database. */
export async function rebuildSearch() {
  await enqueueFullReindex();
  await settleSearchIndex();
}

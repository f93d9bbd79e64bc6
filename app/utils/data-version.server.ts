// A counter that moves after every committed write to the database and every
// change applied to the search index, in this process. The public page cache
// (app/server/public-cache.ts) keeps an answer only while the counter still
// reads what it read when the answer was rendered, so a visitor never sees a
// page older than the last change this process made.
// Held on globalThis: the Express host and the Remix build are separate module
// graphs in one process, and both must read the same counter.
declare global {
  var __dataVersion: number | undefined;
}

export function dataVersion(): number {
  return globalThis.__dataVersion ?? 0;
}

export function dataChanged(): void {
  globalThis.__dataVersion = dataVersion() + 1;
}

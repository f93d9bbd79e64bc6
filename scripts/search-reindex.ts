// `npm run search:reindex`: rebuilds the search index this environment
// points at (SEARCH_INDEX_PATH, or Meilisearch) from the database, and
// records that it holds the search log up to its head. Safe while the server
// runs: the embedded engine notices another process wrote its file and
// reloads. To rebuild every process's own index at once, use the staff
// page's rebuild instead: it writes one log entry every index applies.
import { db } from "~/db.server";
import { searchService } from "~/search-service.server";

const started = performance.now();
const service = searchService();
await service.ready;
await service.worker.stop();
const indexed = await service.worker.rebuildNow();
const seconds = (performance.now() - started) / 1000;
console.log(`search:reindex — ${indexed} documents into the ${service.engine.name} engine in ${seconds.toFixed(1)} s`);
await service.engine.close();
await db.$disconnect();

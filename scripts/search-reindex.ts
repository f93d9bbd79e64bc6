// `npm run search:reindex`: rebuilds the search index from the database.
// Safe while the server runs: the embedded engine notices another process
// wrote its file and reloads; Meilisearch is shared anyway.
import { db } from "~/db.server";
import { searchService } from "~/search.server";

const started = performance.now();
const service = searchService();
await service.ready;
service.worker.stop();
const indexed = await service.worker.rebuild();
const seconds = (performance.now() - started) / 1000;
console.log(`search:reindex — ${indexed} documents into the ${service.engine.name} engine in ${seconds.toFixed(1)} s`);
await service.engine.close();
await db.$disconnect();

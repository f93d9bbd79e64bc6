// `npm run open-data:build`: writes the bulk open-data files (CSV, JSON and
// manifest) into OPEN_DATA_DIR (or the S3 bucket's open-data/ prefix) now, whatever their age. The server also
// rebuilds them by itself once they are a day old; run this from cron when
// the server is not running all the time, or after a large import.
import { db } from "~/db.server";
import { DATASETS, buildOpenData, openDataLocation } from "~/models/open-data.server";

const started = performance.now();
const manifest = await buildOpenData();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`Open data written to ${openDataLocation()} in ${seconds} s\n`);
for (const dataset of DATASETS) {
  const { rows, files } = manifest.datasets[dataset];
  process.stdout.write(`  ${dataset}: ${rows} rows, CSV ${files.csv.bytes} bytes, JSON ${files.json.bytes} bytes\n`);
}
await db.$disconnect();

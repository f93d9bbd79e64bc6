// Bulk open data: every public record of five datasets as CSV and JSON files,
// rebuilt daily, plus a manifest (row counts, sizes, sha256) that the DCAT
// catalogue at /open-data is drawn from. The rows come from the same
// functions as the JSON API (an updatedSince walk from the beginning), so a
// file never holds a field or a record the API would not show.
import { createHash } from "node:crypto";
import path from "node:path";
import { env, s3Settings } from "~/env.server";
import { flattenForCsv, toCsv } from "~/models/export.server";
import { listApprovedMatches } from "~/models/public-api/matches.server";
import { listPublicMajorProblems } from "~/models/public-api/major-problems.server";
import { listPublicOffers } from "~/models/public-api/offers.server";
import { listPublicOrganisations } from "~/models/public-api/organisations.server";
import { listPublicStatements } from "~/models/public-api/problem-statements.server";
import type { SyncQuery } from "~/models/public-api/shared.server";
import { acquireLease, releaseLease } from "~/utils/lease.server";
import { logger } from "~/utils/logger.server";
import { diskStore, s3Store, StorageUnavailableError, type ObjectStore } from "~/utils/object-storage.server";
import { storageUnavailable } from "~/utils/uploads.server";

export const DATASETS = ["offers", "organisations", "problem-statements", "major-problems", "matches"] as const;
export type Dataset = (typeof DATASETS)[number];
export const FORMATS = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;
export type Format = keyof typeof FORMATS;
export type FieldType = "string" | "integer" | "boolean" | "dateTime" | "list";

// A placeholder until the city names the licence for its open data (README).
export const LICENCE = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" } as const;
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The columns of each dataset, in file order; descriptions live in the openData.fields catalogue. */
export const FIELDS: Record<Dataset, [name: string, type: FieldType][]> = {
  offers: [
    ["id", "string"],
    ["externalId", "string"],
    ["slug", "string"],
    ["title", "string"],
    ["titleEn", "string"],
    ["summary", "string"],
    ["provider", "string"],
    ["providerSlug", "string"],
    ["trl", "integer"],
    ["deploymentModel", "string"],
    ["evidenceLevel", "string"],
    ["sectors", "list"],
    ["technologies", "list"],
    ["publishedAt", "dateTime"],
    ["updatedAt", "dateTime"],
    ["url", "string"],
  ],
  organisations: [
    ["id", "string"],
    ["slug", "string"],
    ["name", "string"],
    ["kind", "string"],
    ["website", "string"],
    ["address", "string"],
    ["description", "string"],
    ["verified", "boolean"],
    ["verifiedAt", "dateTime"],
    ["memberSince", "dateTime"],
    ["publishedOffers", "integer"],
    ["publicStatements", "integer"],
    ["updatedAt", "dateTime"],
    ["url", "string"],
  ],
  "problem-statements": [
    ["id", "string"],
    ["slug", "string"],
    ["title", "string"],
    ["status", "string"],
    ["organisation", "string"],
    ["organisationSlug", "string"],
    ["sector", "string"],
    ["budgetMinVnd", "integer"],
    ["budgetMaxVnd", "integer"],
    ["desiredTrl", "integer"],
    ["proposalDeadline", "dateTime"],
    ["publishedAt", "dateTime"],
    ["majorProblemCode", "string"],
    ["majorProblemList", "string"],
    ["updatedAt", "dateTime"],
    ["url", "string"],
  ],
  "major-problems": [
    ["id", "string"],
    ["code", "string"],
    ["title", "string"],
    ["description", "string"],
    ["titleEn", "string"],
    ["summaryEn", "string"],
    ["sector", "string"],
    ["leadAgency", "string"],
    ["priority", "string"],
    ["status", "string"],
    ["list", "string"],
    ["listName", "string"],
    ["listNameEn", "string"],
    ["version", "integer"],
    ["publishedAt", "dateTime"],
    ["updatedAt", "dateTime"],
    ["url", "string"],
  ],
  matches: [
    ["id", "string"],
    ["offerId", "string"],
    ["offerSlug", "string"],
    ["offerTitle", "string"],
    ["provider", "string"],
    ["needType", "string"],
    ["needId", "string"],
    ["needTitle", "string"],
    ["needUrl", "string"],
    ["stage", "string"],
    ["introducedAt", "dateTime"],
    ["pilotAt", "dateTime"],
    ["procurementAt", "dateTime"],
    ["deployedAt", "dateTime"],
    ["droppedAt", "dateTime"],
    ["approvedAt", "dateTime"],
    ["updatedAt", "dateTime"],
  ],
};

type Row = Record<string, unknown>;
type Page<T> = { items: T[]; next: unknown };

// Walks a list oldest change first, 500 at a time, continuing after the last
// record like an API client would, so a record changed mid-walk is not skipped.
async function walk<T extends { id: string; updatedAt: string }>(
  list: (query: { page: number; perPage: number } & SyncQuery) => Promise<Page<T>>,
) {
  const all: T[] = [];
  let cursor: SyncQuery = { updatedSince: new Date(0) };
  for (;;) {
    const { items, next } = await list({ page: 1, perPage: 500, ...cursor });
    all.push(...items);
    const last = items.at(-1);
    if (!next || !last) return all;
    cursor = { updatedSince: new Date(last.updatedAt), after: last.id };
  }
}

const rowBuilders: Record<Dataset, () => Promise<Row[]>> = {
  offers: async () =>
    (await walk((query) => listPublicOffers(query, "vi"))).map((offer) => ({
      id: offer.id,
      externalId: offer.externalId,
      slug: offer.slug,
      title: offer.titleVi,
      titleEn: offer.titleEn,
      summary: offer.summary,
      provider: offer.provider.name,
      providerSlug: offer.provider.slug,
      trl: offer.trl,
      deploymentModel: offer.deploymentModel,
      evidenceLevel: offer.evidenceLevel,
      sectors: offer.sectors.map((term) => term.slug),
      technologies: offer.technologies.map((term) => term.slug),
      publishedAt: offer.publishedAt,
      updatedAt: offer.updatedAt,
      url: offer.url,
    })),
  organisations: async () =>
    (await walk(listPublicOrganisations)).map((organisation) => ({
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      kind: organisation.kind,
      website: organisation.website,
      address: organisation.address,
      description: organisation.description,
      verified: organisation.verified,
      verifiedAt: organisation.verifiedAt,
      memberSince: organisation.memberSince,
      publishedOffers: organisation.publishedOffers,
      publicStatements: organisation.publicStatements,
      updatedAt: organisation.updatedAt,
      url: organisation.url,
    })),
  "problem-statements": async () =>
    (await walk(listPublicStatements)).map((statement) => ({
      id: statement.id,
      slug: statement.slug,
      title: statement.title,
      status: statement.status,
      organisation: statement.organisation.name,
      organisationSlug: statement.organisation.slug,
      sector: statement.sector?.slug ?? null,
      budgetMinVnd: statement.budgetMinVnd,
      budgetMaxVnd: statement.budgetMaxVnd,
      desiredTrl: statement.desiredTrl,
      proposalDeadline: statement.proposalDeadline,
      publishedAt: statement.publishedAt,
      majorProblemCode: statement.majorProblem?.code ?? null,
      majorProblemList: statement.majorProblem?.listSlug ?? null,
      updatedAt: statement.updatedAt,
      url: statement.url,
    })),
  "major-problems": async () =>
    (await walk(listPublicMajorProblems)).map((problem) => ({
      id: problem.id,
      code: problem.code,
      title: problem.title,
      description: problem.description,
      titleEn: problem.titleEn,
      summaryEn: problem.summaryEn,
      sector: problem.sector?.slug ?? null,
      leadAgency: problem.leadAgency,
      priority: problem.priority,
      status: problem.status,
      list: problem.list.slug,
      listName: problem.list.name,
      listNameEn: problem.list.nameEn,
      version: problem.list.version,
      publishedAt: problem.list.publishedAt,
      updatedAt: problem.updatedAt,
      url: problem.url,
    })),
  matches: async () =>
    (await walk((query) => listApprovedMatches(query, "vi"))).map((match) => ({
      id: match.id,
      offerId: match.offer.id,
      offerSlug: match.offer.slug,
      offerTitle: match.offer.title,
      provider: match.offer.provider.name,
      needType: match.need.type,
      needId: match.need.id,
      needTitle: match.need.title,
      needUrl: match.need.url,
      stage: match.stage,
      ...match.stageDates,
      approvedAt: match.approvedAt,
      updatedAt: match.updatedAt,
    })),
};

export type FileInfo = { bytes: number; sha256: string; mediaType: string };
export type Manifest = {
  generatedAt: string;
  datasets: Record<Dataset, { rows: number; files: Record<Format, FileInfo> }>;
};

export const openDataDir = () => path.resolve(env.OPEN_DATA_DIR);
const MANIFEST = "manifest.json";

// Where the files live: OPEN_DATA_DIR, or under "open-data/" in the S3
// bucket when one is configured, so that the process that built them is not
// the only one that can serve them. `dir` (scripts, tests) names a folder.
// Either store writes whole objects: readers see the old file or the new one.
let shared: ObjectStore | undefined;
function openDataStore(dir?: string): ObjectStore {
  if (dir) return diskStore(dir);
  const s3 = s3Settings();
  shared ??= s3 ? s3Store(s3, "open-data/") : diskStore(openDataDir());
  return shared;
}

/** Where the files are written (a folder or s3://bucket/open-data/), for messages. */
export const openDataLocation = (dir?: string) => openDataStore(dir).location;

const info = (content: string, mediaType: string): FileInfo => ({
  bytes: Buffer.byteLength(content),
  sha256: createHash("sha256").update(content).digest("hex"),
  mediaType,
});

export async function buildOpenData(dir?: string, now = new Date()): Promise<Manifest> {
  const store = openDataStore(dir);
  const datasets = {} as Manifest["datasets"];
  for (const dataset of DATASETS) {
    const rows = await rowBuilders[dataset]();
    const columns = FIELDS[dataset].map(([name]) => name);
    const csv = toCsv(flattenForCsv(rows), columns);
    const json = JSON.stringify(rows, null, 1);
    await store.put(`${dataset}.csv`, csv, FORMATS.csv);
    await store.put(`${dataset}.json`, json, FORMATS.json);
    datasets[dataset] = { rows: rows.length, files: { csv: info(csv, FORMATS.csv), json: info(json, FORMATS.json) } };
  }
  const manifest: Manifest = { generatedAt: now.toISOString(), datasets };
  // Written last: a manifest always describes files that are complete.
  await store.put(MANIFEST, JSON.stringify(manifest, null, 2), "application/json");
  return manifest;
}

export async function readManifest(dir?: string): Promise<Manifest | null> {
  const bytes = await openDataStore(dir).get(MANIFEST);
  return bytes ? (JSON.parse(bytes.toString("utf8")) as Manifest) : null;
}

/** Missing files, files older than a day, or a manifest from another set of datasets need a rebuild. */
export function isStale(manifest: Manifest | null, now: Date, maxAgeMs = MAX_AGE_MS): boolean {
  if (!manifest) return true;
  if (DATASETS.some((dataset) => !manifest.datasets[dataset])) return true;
  return now.getTime() - new Date(manifest.generatedAt).getTime() >= maxAgeMs;
}

// One build at a time in this process; a database lease keeps other app
// processes and `npm run open-data:build` from building the same files
// together (a lock file would only work on one machine's disk). A build that
// finds the lease taken serves the files that exist; with none yet (a fresh
// install) it builds anyway rather than answer nothing.
let running: Promise<Manifest> | null = null;
const BUILD_LEASE_MS = 30 * 60 * 1000;

async function buildOnce(dir: string | undefined, now: Date): Promise<Manifest> {
  const lease = `open-data-build:${openDataLocation(dir)}`;
  running ??= (async () => {
    const ours = await acquireLease(lease, BUILD_LEASE_MS);
    if (!ours) {
      const current = await readManifest(dir);
      if (current) return current;
    }
    const started = Date.now();
    try {
      const manifest = await buildOpenData(dir, now);
      logger.info(
        { ms: Date.now() - started, rows: Object.fromEntries(DATASETS.map((d) => [d, manifest.datasets[d].rows])) },
        "open data files built",
      );
      return manifest;
    } finally {
      if (ours)
        await releaseLease(lease).catch((error: unknown) =>
          logger.warn({ err: error }, "could not release the open-data build lease"),
        );
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

/**
 * The current manifest, rebuilding first when there is none (fresh install)
 * and in the background when it is over a day old, so readers get the
 * files that exist instead of waiting.
 */
export function currentManifest(options: { dir?: string; now?: Date } = {}): Promise<Manifest> {
  return answerOrUnavailable(manifestNow(options));
}

// For the download pages: storage that does not answer is a 503 with a
// message (the page's error boundary), not a 500.
async function answerOrUnavailable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw storageUnavailable(error);
    throw error;
  }
}

async function manifestNow(options: { dir?: string; now?: Date }): Promise<Manifest> {
  const dir = options.dir;
  const now = options.now ?? new Date();
  const manifest = await readManifest(dir);
  if (!manifest || DATASETS.some((dataset) => !manifest.datasets[dataset])) return buildOnce(dir, now);
  if (isStale(manifest, now)) {
    void buildOnce(dir, now).catch((error: unknown) => logger.error({ err: error }, "open data rebuild failed"));
  }
  return manifest;
}

/** Rebuilds when stale; what the scheduler's hourly "open-data" job runs. Reports whether it built. */
export async function refreshIfStale(options: { dir?: string; now?: Date } = {}): Promise<boolean> {
  const dir = options.dir;
  const now = options.now ?? new Date();
  if (!isStale(await readManifest(dir), now)) return false;
  await buildOnce(dir, now);
  return true;
}

/** A download by its public name (`offers.csv`); null for anything else. */
export function parseFileName(name: string): { dataset: Dataset; format: Format } | null {
  const match = /^([a-z-]+)\.(csv|json)$/.exec(name);
  if (!match || !(DATASETS as readonly string[]).includes(match[1]!)) return null;
  return { dataset: match[1] as Dataset, format: match[2] as Format };
}

/** A dataset file's bytes; a file deleted behind the manifest's back is rebuilt rather than a 500. */
export function readDatasetFile(dataset: Dataset, format: Format, dir?: string): Promise<Buffer<ArrayBuffer>> {
  return answerOrUnavailable(datasetFile(dataset, format, dir));
}

async function datasetFile(dataset: Dataset, format: Format, dir?: string): Promise<Buffer<ArrayBuffer>> {
  const store = openDataStore(dir);
  const name = `${dataset}.${format}`;
  const bytes = await store.get(name);
  if (bytes) return bytes;
  logger.warn({ file: name, storage: store.location }, "open data file missing; rebuilding");
  await buildOnce(dir, new Date());
  const rebuilt = await store.get(name);
  if (!rebuilt) throw new Error(`open data file ${name} is still missing after a rebuild`);
  return rebuilt;
}

type Translate = (key: string) => string;
const both = (vi: Translate, en: Translate, key: string) => [
  { "@language": "vi", "@value": vi(key) },
  { "@language": "en", "@value": en(key) },
];
const XSD: Record<FieldType, string> = {
  string: "xsd:string",
  integer: "xsd:integer",
  boolean: "xsd:boolean",
  dateTime: "xsd:dateTime",
  list: "xsd:string",
};

/**
 * The catalogue as DCAT-AP-style JSON-LD: one dcat:Dataset per file pair,
 * each with its licence, daily accrual periodicity, modified time and two
 * dcat:Distribution (CSV, JSON) with download URL, media type, size and
 * sha256; the columns as a CSVW table schema.
 */
export function dcatCatalogue(manifest: Manifest, origin: string, vi: Translate, en: Translate) {
  const licence = { "@id": LICENCE.url, "dct:title": LICENCE.name };
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      xsd: "http://www.w3.org/2001/XMLSchema#",
      csvw: "http://www.w3.org/ns/csvw#",
      spdx: "http://spdx.org/rdf/terms#",
    },
    "@id": `${origin}/open-data/catalog.json`,
    "@type": "dcat:Catalog",
    "dct:title": both(vi, en, "openData.page.title"),
    "dct:description": both(vi, en, "openData.page.lead"),
    "dct:publisher": { "@type": "foaf:Organization", "foaf:name": both(vi, en, "openData.publisherName") },
    "dct:license": licence,
    "dct:modified": { "@value": manifest.generatedAt, "@type": "xsd:dateTime" },
    "foaf:homepage": { "@id": `${origin}/open-data` },
    "dcat:dataset": DATASETS.map((dataset) => ({
      "@id": `${origin}/open-data#${dataset}`,
      "@type": "dcat:Dataset",
      "dct:identifier": dataset,
      "dct:title": both(vi, en, `openData.datasets.${dataset}.title`),
      "dct:description": both(vi, en, `openData.datasets.${dataset}.description`),
      "dct:license": licence,
      "dct:accrualPeriodicity": { "@id": "http://publications.europa.eu/resource/authority/frequency/DAILY" },
      "dct:modified": { "@value": manifest.generatedAt, "@type": "xsd:dateTime" },
      "dcat:landingPage": { "@id": `${origin}/open-data#${dataset}` },
      "csvw:tableSchema": {
        "csvw:column": FIELDS[dataset].map(([name, type]) => ({
          "csvw:name": name,
          "csvw:datatype": XSD[type],
          ...(type === "list" ? { "csvw:separator": "; " } : {}),
          "dct:description": both(vi, en, `openData.fields.${name}`),
        })),
      },
      "dcat:distribution": (Object.keys(FORMATS) as Format[]).map((format) => {
        const file = manifest.datasets[dataset].files[format];
        return {
          "@id": `${origin}/open-data/${dataset}.${format}`,
          "@type": "dcat:Distribution",
          "dct:format": format.toUpperCase(),
          "dcat:mediaType": file.mediaType.split(";")[0],
          "dcat:downloadURL": { "@id": `${origin}/open-data/${dataset}.${format}` },
          "dcat:byteSize": { "@value": file.bytes, "@type": "xsd:nonNegativeInteger" },
          "spdx:checksum": { "spdx:algorithm": "spdx:checksumAlgorithm_sha256", "spdx:checksumValue": file.sha256 },
          "dct:license": licence,
        };
      }),
    })),
  };
}

// Bulk open data: the daily files, their catalogue page and JSON-LD, the
// downloads, and the rule that rebuilds files once they are a day old.
import { promises as fs } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import {
  DATASETS,
  FIELDS,
  LICENCE,
  buildOpenData,
  openDataDir,
  readManifest,
  refreshIfStale,
} from "~/models/open-data.server";
import { startTestServer, visibleText } from "~/test-support/http";
import {
  DRAFT_OFFER,
  type OpenApiWorld,
  SECRET_EMAIL,
  apiClient,
  seedOpenApiWorld,
} from "~/test-support/open-api-fixtures";

const server = startTestServer();
const api = apiClient(server);
let world: OpenApiWorld;
const FORMULA_TITLE = '=HYPERLINK("http://evil.example","Bấm vào đây")';
const API_LIST: Record<(typeof DATASETS)[number], string> = {
  offers: "/api/v1/offers",
  organisations: "/api/v1/organisations",
  "problem-statements": "/api/v1/problem-statements",
  "major-problems": "/api/v1/major-problems",
  matches: "/api/v1/matches",
};

beforeAll(async () => {
  world = await seedOpenApiWorld();
  await db.offer.update({ where: { id: world.unrelated.id }, data: { titleVi: FORMULA_TITLE } });
  await db.match.create({
    data: {
      offerId: world.offer.id,
      problemStatementId: world.statement.id,
      status: "APPROVED",
      decidedAt: new Date(),
      stage: "INTRODUCED",
    },
  });
  await db.match.create({
    data: { offerId: world.otherOffer.id, problemStatementId: world.statement.id, status: "REJECTED" },
  });
});

describe("the bulk files", () => {
  it("build on the first request on a fresh install, with as many rows as the API has records", async () => {
    expect(await readManifest()).toBeNull();
    const page = await server.browser().get("/open-data");
    expect(page.status).toBe(200);
    const manifest = (await readManifest())!;
    for (const dataset of DATASETS) {
      const { body } = await api<{ total: number }>(API_LIST[dataset]);
      expect(manifest.datasets[dataset].rows, dataset).toBe(body.total);
      const json = JSON.parse(await fs.readFile(path.join(openDataDir(), `${dataset}.json`), "utf8")) as unknown[];
      expect(json, dataset).toHaveLength(body.total);
    }
    expect(manifest.datasets.matches.rows).toBe(1);
  });

  it("write CSV with a BOM, the documented columns, formulas neutralised and nothing private", async () => {
    await buildOpenData();
    const download = await fetch(`${server.baseUrl}/open-data/offers.csv`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="hanoi-tech-exchange-offers.csv"');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(FIELDS.offers.map(([name]) => name));
    expect(rows.find((row) => row.id === world.unrelated.id)!.title).toBe(`'${FORMULA_TITLE}`);
    for (const secret of [SECRET_EMAIL, DRAFT_OFFER]) expect(text).not.toContain(secret);
    const organisations = await (await fetch(`${server.baseUrl}/open-data/organisations.json`)).text();
    expect(organisations).not.toContain(world.owner.email);
  });

  it("serve JSON with an ETag and 304 for it, and 404 for a name that is not a dataset", async () => {
    const first = await fetch(`${server.baseUrl}/open-data/matches.json`);
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const rows = (await first.json()) as { offerId: string; needId: string; stage: string }[];
    expect(rows).toEqual([
      expect.objectContaining({ offerId: world.offer.id, needId: world.statement.id, stage: "INTRODUCED" }),
    ]);
    const again = await fetch(`${server.baseUrl}/open-data/matches.json`, {
      headers: { "If-None-Match": first.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    // A file lost behind the manifest's back is rebuilt, not a server error.
    await fs.rm(path.join(openDataDir(), "matches.json"));
    expect((await fetch(`${server.baseUrl}/open-data/matches.json`)).status).toBe(200);
    for (const name of ["users.csv", "offers.xlsx", "manifest.json", "..%2Fmanifest.json", ".building"]) {
      const missing = await api(`/open-data/${name}`);
      expect(missing.status, name).toBe(404);
      expect(missing.body.error?.message).toBe(vi.openData.notFound.dataset);
    }
  });
});

describe("the catalogue", () => {
  it("page lists each dataset with its licence, frequency, fields and downloads, in Vietnamese then English", async () => {
    const text = visibleText((await server.browser().get("/open-data")).text);
    for (const dataset of DATASETS) {
      expect(text).toContain(vi.openData.datasets[dataset].title);
      for (const [field] of FIELDS[dataset]) expect(text).toContain(field);
    }
    expect(text).toContain(LICENCE.name);
    expect(text).toContain(vi.openData.page.daily);
    expect(text).toContain(vi.openData.fields.updatedAt);
    const page = await server.browser().get("/open-data");
    for (const dataset of DATASETS)
      for (const format of ["csv", "json"]) expect(page.text).toContain(`href="/open-data/${dataset}.${format}"`);
    const english = visibleText((await server.browser({ language: "en" }).get("/open-data")).text);
    expect(english).toContain(en.openData.datasets["major-problems"].title);
    expect((await server.browser().get("/")).text).toContain(`href="/open-data">${vi.openData.page.footerLink}</a>`);
  });

  it("catalog.json is DCAT JSON-LD: datasets with licence, daily periodicity, columns and distributions that match the files", async () => {
    const response = await fetch(`${server.baseUrl}/open-data/catalog.json`);
    expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    type Distribution = {
      "dcat:downloadURL": { "@id": string };
      "dcat:mediaType": string;
      "dcat:byteSize": { "@value": number };
    };
    type Dataset = {
      "@type": string;
      "dct:identifier": string;
      "dct:license": { "@id": string };
      "dct:accrualPeriodicity": { "@id": string };
      "dct:title": { "@language": string; "@value": string }[];
      "csvw:tableSchema": { "csvw:column": { "csvw:name": string }[] };
      "dcat:distribution": Distribution[];
    };
    const catalogue = (await response.json()) as {
      "@context": Record<string, string>;
      "@type": string;
      "dcat:dataset": Dataset[];
    };
    expect(catalogue["@type"]).toBe("dcat:Catalog");
    expect(catalogue["@context"].dcat).toBe("http://www.w3.org/ns/dcat#");
    expect(catalogue["dcat:dataset"].map((dataset) => dataset["dct:identifier"])).toEqual([...DATASETS]);
    for (const dataset of catalogue["dcat:dataset"]) {
      expect(dataset["@type"]).toBe("dcat:Dataset");
      expect(dataset["dct:license"]["@id"]).toBe(LICENCE.url);
      expect(dataset["dct:accrualPeriodicity"]["@id"]).toMatch(/frequency\/DAILY$/);
      expect(dataset["dct:title"].map((title) => title["@language"])).toEqual(["vi", "en"]);
      expect(dataset["csvw:tableSchema"]["csvw:column"].map((column) => column["csvw:name"])).toEqual(
        FIELDS[dataset["dct:identifier"] as "offers"].map(([name]) => name),
      );
      for (const distribution of dataset["dcat:distribution"]) {
        const file = await fetch(distribution["dcat:downloadURL"]["@id"]);
        expect(file.status).toBe(200);
        expect(file.headers.get("content-type")).toContain(distribution["dcat:mediaType"]);
        expect((await file.arrayBuffer()).byteLength).toBe(distribution["dcat:byteSize"]["@value"]);
      }
    }
  });
});

describe("rebuilding", () => {
  it("rebuilds only once the files are a day old (clock injected)", async () => {
    const dir = path.join(openDataDir(), "..", `open-data-clock-${process.pid}`);
    const built = await buildOpenData(dir, new Date("2026-11-20T00:00:00Z"));
    expect(await refreshIfStale({ dir, now: new Date("2026-11-20T23:59:00Z") })).toBe(false);
    await db.offer.update({
      where: { id: world.draftOffer.id },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    expect(await refreshIfStale({ dir, now: new Date("2026-11-21T00:00:00Z") })).toBe(true);
    const rebuilt = (await readManifest(dir))!;
    expect(rebuilt.generatedAt).toBe("2026-11-21T00:00:00.000Z");
    expect(rebuilt.datasets.offers.rows).toBe(built.datasets.offers.rows + 1);
    expect((await fs.readdir(dir)).filter((name) => name.endsWith(".tmp") || name === ".building")).toEqual([]);
  });
});

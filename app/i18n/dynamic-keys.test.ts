// Keys built at run time (t(`offers.statuses.${status}`), "payments.errors."
// + code handed to the page, keys stored in data) are invisible to the
// compiler whenever the value is cast or the key passes through an untyped
// t. This test finds every such template in the sources, takes the values it
// can be filled with from where they are defined (Prisma enums, constant
// lists, the string unions in the models), and checks each key exists in the
// Vietnamese AND the English catalogue. A new dynamic key that this table
// does not know fails the test, so it cannot be forgotten.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as enums from "~/generated/prisma-sqlite/enums";
import { ALERTS_CHANNELS, NOTICE_CHANNELS, NOTICE_GROUPS, NOTICE_KINDS } from "~/models/notice-kinds";
import { qualityChecks } from "~/schemas/problem-statement";
import { FILTER_FIELDS, LANGUAGES, PRICE_BANDS, TRL_BANDS } from "~/schemas/search";
import { SEARCH_DOC_TYPES, SORT_ORDERS } from "../../search/types.ts";
import en from "./en";
import vi from "./vi";

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = "", out = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.add(dotted);
    else flatten(value, dotted, out);
  }
  return out;
}
const catalogues = { vi: flatten(vi as Tree), en: flatten(en as Tree) };
// t("x", { count }) reads x_one / x_other.
const has = (keys: Set<string>, key: string) => keys.has(key) || keys.has(`${key}_other`);

const appDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const read = (relative: string) => readFileSync(path.join(appDir, relative), "utf8");

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") files.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      files.push(full);
    }
  }
  return files;
}
const sources = sourceFiles(appDir).map((file) => ({
  file: path.relative(appDir, file),
  text: readFileSync(file, "utf8"),
}));

// The string literals of a union type in a source file: `export type X = "a" | "b";`.
function unionOf(file: string, typeName: string): string[] {
  const match = new RegExp(`type ${typeName} =([^;]+);`).exec(read(file));
  if (!match) throw new Error(`${typeName} not found in ${file}`);
  return [...match[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}
// The member names of an object type: `export type X = { a: ...; b: ... };`.
function membersOf(file: string, typeName: string): string[] {
  const match = new RegExp(`type ${typeName} = \\{([\\s\\S]+?)\\n\\};`).exec(read(file));
  if (!match) throw new Error(`${typeName} not found in ${file}`);
  return [...match[1]!.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!);
}
// `export const NAME = [...] as const` or `{ ... }` in a server module, read
// as text so the test does not start a database or read the environment.
function constArray(file: string, name: string): string[] {
  const match = new RegExp(`const ${name} = \\[([^\\]]+)\\]`).exec(read(file));
  if (!match) throw new Error(`${name} not found in ${file}`);
  return [...match[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}
function constObjectBody(file: string, name: string): string {
  const match = new RegExp(`const ${name}[^=]*= \\{([\\s\\S]+?)\\n\\};?`).exec(read(file));
  if (!match) throw new Error(`${name} not found in ${file}`);
  return match[1]!;
}

const values = (o: Record<string, string>) => Object.values(o);

// The import report's row statuses: `status: "created" | ...` in RowReport.
const importRowStatuses = [
  ...(/type RowReport = \{[^}]*status: ([^;]+);/.exec(read("models/import.server.ts"))?.[1] ?? "").matchAll(/"(\w+)"/g),
].map((m) => m[1]!);
// The weekly digest's section headings, one per subscription kind.
const digestSections = [
  ...(/const key = \{([^}]+)\}\[subscription\.kind\]/.exec(read("models/weekly-digest.server.ts"))?.[1] ?? "").matchAll(
    /(\w+): "(\w+)"/g,
  ),
];

// The metric tables of the staff dashboard: `name: ["metric", ...]` lines.
const metricTables = Object.fromEntries(
  [...constObjectBody("models/metrics-sources.server.ts", "metricTables").matchAll(/^\s+(\w+): \[([^\]]*)\]/gm)].map(
    (m) => [m[1]!, [...m[2]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!)],
  ),
) as Record<string, string[]>;

// Open data: the datasets, and `[name, type]` pairs of their columns.
const openDataFields = [
  ...constObjectBody("models/open-data.server.ts", "FIELDS").matchAll(/\["(\w+)", "(\w+)"\]/g),
].map((m) => ({ name: m[1]!, type: m[2]! }));

// Payment failure reasons: codes the models store ("code" or "code: detail"),
// which the order page turns into sentences.
const storedFailureReasons = [
  ...new Set(
    sources
      .filter((s) => s.file.startsWith("models/") || s.file.startsWith("payments/"))
      .flatMap((s) => [...s.text.matchAll(/failureReason: [`"]([a-z_]+)(?::[^`"]*)?[`"]/g)].map((m) => m[1]!)),
  ),
];
const strandedReason = /STRANDED_ORDER_REASON = "([a-z_]+)/.exec(sources.map((s) => s.text).join("\n"))?.[1];

// Each placeholder's possible values, in order. "compiler": the value has a
// string-literal union type and reaches a typed t() without a cast, so tsc
// already rejects a missing key (and en.ts must have every key vi.ts has);
// the test checks those usages stay cast-free.
type Entry = ReadonlyArray<ReadonlyArray<string | number>> | "compiler";
const DYNAMIC_KEYS: Record<string, Entry> = {
  "alerts.digest.*": [digestSections.map((m) => m[2]!)],
  "alerts.digest.types.*": [SEARCH_DOC_TYPES],
  "alerts.kinds.*": [values(enums.SubscriptionKind)],
  "curation.public.stageLower.*": [values(enums.DeploymentStage)],
  "curation.rejectReasons.*": [values(enums.MatchRejectReason)],
  "curation.stage.*": [values(enums.DeploymentStage)],
  "curation.status.*": [values(enums.MatchStatus)],
  "dashboard.captions.*": [Object.keys(metricTables)],
  "dashboard.metrics.*": [Object.values(metricTables).flat()],
  "dashboard.tables.*": [Object.keys(metricTables)],
  "import.*": [importRowStatuses],
  "majorProblemStatuses.*": [values(enums.MajorProblemStatus)],
  "messages.*": [
    [
      ...unionOf("models/message.server.ts", "ClosedReason"),
      ...unionOf("models/message.server.ts", "PostOutcome").filter((o) => o !== "posted"),
    ],
  ],
  "notices.channels.*": [[...NOTICE_CHANNELS, ...ALERTS_CHANNELS]],
  "notices.groups.*": [NOTICE_GROUPS],
  "notices.kinds.*.*": [Object.keys(NOTICE_KINDS), ["title", "body", "action"]],
  "notices.kinds.*.action": [Object.keys(NOTICE_KINDS)],
  "offers.deploymentModels.*": [values(enums.DeploymentModel)],
  "offers.evidenceLevels.*": [values(enums.EvidenceLevel)],
  "offers.fieldNames.*": [membersOf("models/offer-content.server.ts", "OfferContent")],
  "offers.mediaKinds.*": [values(enums.MediaKind)],
  "offers.statuses.*": [values(enums.OfferStatus)],
  "offers.trlLevels.level*": [[1, 2, 3, 4, 5, 6, 7, 8, 9]],
  "openApi.page.endpoints.*": [[...read("api/openapi.ts").matchAll(/operationId: "(\w+)"/g)].map((m) => m[1]!)],
  "openData.datasets.*.description": [constArray("models/open-data.server.ts", "DATASETS")],
  "openData.datasets.*.title": [constArray("models/open-data.server.ts", "DATASETS")],
  "openData.fields.*": [openDataFields.map((f) => f.name)],
  "openData.types.*": [openDataFields.map((f) => f.type)],
  "organisationKinds.*": [values(enums.OrganisationKind)],
  "payments.errors.*": [unionOf("models/order.server.ts", "OrderError")],
  "payments.failureReasons.*": [
    [...storedFailureReasons, ...(strandedReason ? [strandedReason] : []), "checkout_unavailable"],
  ],
  "payments.ledger.*": "compiler",
  "payments.refundStatuses.*": [values(enums.RefundStatus)],
  "payments.statuses.*": [values(enums.OrderStatus)],
  "plans.errors.*": [
    [...unionOf("models/plan.server.ts", "PlanError"), ...unionOf("models/service-purchase.server.ts", "ServiceError")],
  ],
  "plans.intervalChoices.*": [values(enums.BillingInterval)],
  "plans.intervals.*": [values(enums.BillingInterval)],
  "plans.services.kinds.*": [values(enums.PlatformServiceKind)],
  "plans.statuses.*": [values(enums.PlanSubscriptionStatus)],
  "plans.tiers.*": [values(enums.PlanTier)],
  "priorities.*": [values(enums.ProblemPriority)],
  "roles.*": [[...values(enums.PlatformRole), ...values(enums.MembershipRole)]],
  "search.fields.*": [FILTER_FIELDS],
  "search.languages.*": [LANGUAGES],
  "search.priceBands.*": [PRICE_BANDS],
  "search.sorts.*": [SORT_ORDERS],
  "search.trlBands.*": [TRL_BANDS],
  "search.typeCount.*": [SEARCH_DOC_TYPES],
  "search.types.*": [SEARCH_DOC_TYPES],
  "staff.jobStatus.*": "compiler",
  "standardPages.descriptions.*": "compiler",
  "standardPages.titles.*": "compiler",
  "statements.proposals.declineReasons.*": [values(enums.DeclineReason)],
  "statements.proposals.proposalStatus.*": [values(enums.ProposalStatus)],
  "statements.quality.*": [qualityChecks],
  "statements.sixClear.*": "compiler",
  "statements.status.*": [values(enums.ProblemStatementStatus)],
  "taxonomy.kinds.*": [values(enums.TermKind)],
  "tracking.progress.*": [constArray("models/problem-tracking.server.ts", "progressSteps")],
  "tracking.report.*": "compiler",
};

const topLevel = new Set(Object.keys(vi));

// Every template literal that starts like a catalogue key and has a ${…}.
type Use = { file: string; pattern: string; template: string; after: string; before: string };
const uses: Use[] = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/`((?:[a-zA-Z][\w-]*\.)+[\w-]*\$\{[^`]*)`/g)]
    .map((m) => ({
      file,
      template: m[1]!,
      pattern: m[1]!.replace(/\$\{[^}]*\}/g, "*"),
      before: text.slice(Math.max(0, m.index - 4), m.index),
      after: text.slice(m.index + m[0].length, m.index + m[0].length + 4),
    }))
    .filter((u) => topLevel.has(u.pattern.split(".")[0]!) && !u.pattern.includes(" ")),
);

function expand(pattern: string, lists: ReadonlyArray<ReadonlyArray<string | number>>): string[] {
  let keys = [pattern];
  for (const list of lists) keys = keys.flatMap((key) => list.map((value) => key.replace("*", String(value))));
  return keys;
}

describe("dynamically built catalogue keys", () => {
  it("finds the dynamic keys in the sources", () => {
    const patterns = new Set(uses.map((u) => u.pattern));
    expect(patterns.size).toBeGreaterThan(40);
    expect(patterns).toContain("offers.statuses.*");
    expect(patterns).toContain("payments.errors.*");
  });

  it("knows where every dynamic key's values come from", () => {
    const unknown = [
      ...new Set(uses.filter((u) => !(u.pattern in DYNAMIC_KEYS)).map((u) => `${u.file}: ${u.pattern}`)),
    ];
    expect(unknown).toEqual([]);
  });

  it("has a value list for each placeholder, read from its source", () => {
    const broken = Object.entries(DYNAMIC_KEYS)
      .filter(([, entry]) => entry !== "compiler")
      .filter(([pattern, entry]) => {
        const lists = entry as ReadonlyArray<ReadonlyArray<string | number>>;
        return lists.length !== pattern.split("*").length - 1 || lists.some((list) => list.length === 0);
      })
      .map(([pattern]) => pattern);
    expect(broken).toEqual([]);
  });

  it("every possible value has a string in Vietnamese and in English", () => {
    const missing: string[] = [];
    for (const [pattern, entry] of Object.entries(DYNAMIC_KEYS)) {
      if (entry === "compiler") continue;
      for (const key of expand(pattern, entry)) {
        for (const [language, keys] of Object.entries(catalogues))
          if (!has(keys, key)) missing.push(`${language}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keys left to the compiler reach a typed t() with no cast ("as")', () => {
    const unchecked = uses
      .filter((u) => DYNAMIC_KEYS[u.pattern] === "compiler")
      .filter((u) => !/\bt\($/.test(u.before) || / as /.test(u.template) || /^\s*as\b/.test(u.after))
      .map((u) => `${u.file}: ${u.template}`);
    expect(unchecked).toEqual([]);
  });

  it("the failure reasons the models store all have a sentence", () => {
    expect(storedFailureReasons.length).toBeGreaterThan(1);
    const missing = storedFailureReasons.filter(
      (code) =>
        !has(catalogues.vi, `payments.failureReasons.${code}`) ||
        !has(catalogues.en, `payments.failureReasons.${code}`),
    );
    expect(missing).toEqual([]);
  });
});

// Keys written as plain strings but used later as messages: schema errors
// ("validation.tooLong|120"), form errors and flash messages handed to the
// page, messageKey on thrown responses.
describe("catalogue keys stored as strings", () => {
  const literalKeys = (pattern: RegExp) =>
    [
      ...new Set(sources.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((m) => `${file}\u0000${m[1]!}`))),
    ].map((s) => {
      const [file, key] = s.split("\u0000") as [string, string];
      return { file, key };
    });

  const checks: Array<[string, RegExp]> = [
    [
      "validation messages (with an optional |parameter)",
      /["'`]((?:[a-zA-Z]+\.)*validation\.[A-Za-z]+)(?:\|[^"'`]*)?["'`]/g,
    ],
    ["formErrors", /formErrors: \[\s*["'`]([a-zA-Z]+\.[\w.]+)["'`]/g],
    ["messageKey", /messageKey:\s*["'`]([a-zA-Z]+\.[\w.]+)["'`]/g],
    [
      "flash and error keys",
      /\b(?:key|error|message|reason|reasonKey|stageKey|roleKey):\s*["']([a-z][a-zA-Z]+\.[a-zA-Z][\w.]+)["']/g,
    ],
  ];

  for (const [name, pattern] of checks) {
    it(`${name} exist in both catalogues`, () => {
      const found = literalKeys(pattern).filter(({ key }) => topLevel.has(key.split(".")[0]!));
      expect(found.length, `${name}: found some`).toBeGreaterThan(0);
      const missing = found.flatMap(({ file, key }) =>
        Object.entries(catalogues)
          .filter(([, keys]) => !has(keys, key))
          .map(([language]) => `${language}: ${file}: ${key}`),
      );
      expect(missing).toEqual([]);
    });
  }
});

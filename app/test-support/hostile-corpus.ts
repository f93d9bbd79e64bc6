// The bad-input corpus and the route list it is aimed at (issue 13, part 5).
// Routes come from the files under app/routes, so a new route is driven without
// anyone remembering to add it here; the corpus is what an attacker or a
// broken client sends: odd sizes, bytes, types, names and content types.
import fs from "node:fs";
import path from "node:path";

export type DerivedRoute = {
  /** The route file's name (without its group folder), e.g. `orgs.$orgId.offers.new.tsx`. */
  file: string;
  /** The URL pattern, e.g. `/orgs/$orgId/offers/new` (`*` for a splat). */
  template: string;
  hasAction: boolean;
  hasLoader: boolean;
  /** GET-driven open data endpoint (api.v1.*). */
  isApi: boolean;
};

const EXPORTS_ACTION = /export\s+(?:async\s+)?function\s+action\b|export\s+const\s+action\b|export\s*\{[^}]*\baction\b/;
const EXPORTS_LOADER = /export\s+(?:async\s+)?function\s+loader\b|export\s+const\s+loader\b|export\s*\{[^}]*\bloader\b/;

/** Splits a flat-route file name on its unescaped dots (`[.]` is a literal dot). */
function flatSegments(base: string): string[] {
  const segments: string[] = [];
  let current = "";
  let inBrackets = false;
  for (const char of base) {
    if (char === "[" && !inBrackets) inBrackets = true;
    else if (char === "]" && inBrackets) inBrackets = false;
    else if (char === "." && !inBrackets) {
      segments.push(current);
      current = "";
    } else current += char;
  }
  if (inBrackets) throw new Error(`unbalanced [ in route file name ${base}`);
  segments.push(current);
  return segments;
}

/** Remix flat-route file name (without extension) to URL pattern. */
export function routeTemplate(base: string): string {
  const parts: string[] = [];
  for (const raw of flatSegments(base)) {
    if (raw === "") throw new Error(`empty segment in route file name ${base}`);
    if (raw === "_index") continue;
    // Pathless layout route: contributes no URL segment.
    if (raw.startsWith("_")) continue;
    // Optional segments are not used in this app; refuse rather than guess.
    if (raw.startsWith("(")) throw new Error(`optional segment ${raw} in ${base} is not handled`);
    // Trailing underscore: not nested in the parent's layout, same URL segment.
    const segment = raw.endsWith("_") ? raw.slice(0, -1) : raw;
    if (segment === "$") parts.push("*");
    else if (/^\$[A-Za-z][A-Za-z0-9]*$/.test(segment)) parts.push(segment);
    else if (/^[A-Za-z0-9._~-]+$/.test(segment)) parts.push(segment);
    else throw new Error(`segment "${segment}" of ${base} cannot be turned into a URL`);
  }
  return "/" + parts.join("/");
}

/**
 * Every route module under app/routes (tests and server-only files left out),
 * with its flat-route name: remix-flat-routes reads a `+` folder's name as the
 * start of its files' names, so `_staff+/staff.audit.tsx` is `_staff.staff.audit`
 * (and `_staff`, a pathless segment, adds nothing to the URL).
 */
export function routeModules(dir = path.resolve("app/routes")): { relativePath: string; name: string }[] {
  return (
    fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .map((relativePath) => relativePath.split(path.sep).join("/"))
      .filter((file) => /\.(tsx|ts|jsx|js)$/.test(file) && !/\.test\.|\.server\.|\.client\./.test(file))
      .map((relativePath) => {
        const folders = relativePath.split("/").slice(0, -1);
        if (folders.some((folder) => !folder.endsWith("+")))
          throw new Error(`route folder without "+" in ${relativePath}`);
        const base = path.posix.basename(relativePath).replace(/\.(tsx|ts|jsx|js)$/, "");
        return { relativePath, name: [...folders.map((folder) => folder.slice(0, -1)), base].join(".") };
      })
      // By file name, the order the suite drove them in before the folders.
      .sort((a, b) => (path.posix.basename(a.relativePath) < path.posix.basename(b.relativePath) ? -1 : 1))
  );
}

export function deriveRoutes(dir = path.resolve("app/routes")): DerivedRoute[] {
  return routeModules(dir).map(({ relativePath, name }) => {
    const source = fs.readFileSync(path.join(dir, relativePath), "utf8");
    const template = routeTemplate(name);
    return {
      file: path.posix.basename(relativePath),
      template,
      hasAction: EXPORTS_ACTION.test(source),
      hasLoader: EXPORTS_LOADER.test(source),
      isApi: template.startsWith("/api/v1/"),
    };
  });
}

/** The `$param` names of a pattern, with the segment before each (its collection). */
export function templateParams(template: string): { name: string; previous: string }[] {
  const segments = template.split("/").filter(Boolean);
  return segments.flatMap((segment, i) =>
    segment.startsWith("$") || segment === "*" ? [{ name: segment, previous: segments[i - 1] ?? "" }] : [],
  );
}

export function fillTemplate(template: string, value: (name: string, previous: string) => string): string {
  const segments = template.split("/");
  return segments
    .map((segment, i) =>
      segment.startsWith("$") || segment === "*" ? encodeURIComponent(value(segment, segments[i - 1] ?? "")) : segment,
    )
    .join("/");
}

// ---------------------------------------------------------------------------
// Requests

export type HostileRequest = {
  method: "GET" | "POST";
  /** Appended to the route's URL (starts with `?`), GET cases only. */
  query?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | (() => ReadableStream<Uint8Array>);
};

export type HostileCase = { name: string; request: HostileRequest };

/** What the suite learnt about one form: its field names, intents and file inputs. */
export type FormShape = { fields: string[]; intents: string[]; fileFields: string[] };

// When a form's page cannot be read (no loader, or the actor is refused),
// these names stand in for the real fields.
export const GENERIC_FIELDS = [
  "email",
  "password",
  "name",
  "title",
  "intent",
  "id",
  "price",
  "trl",
  "deadline",
  "year",
  "page",
  "q",
];

// Intents that would take the suite's own fixtures away (and so hide later
// routes behind 404s) if a hostile value happened to pass.
const DESTRUCTIVE_INTENT =
  /delete|remove|leave|archive|withdraw|cancel|revoke|logout|sign-?out|transfer|demote|close|decline|reject/i;

/** Field names, intent values and file inputs of the forms on an HTML page. */
export function formShape(html: string): FormShape {
  const names = new Set<string>();
  const intents = new Set<string>();
  const files = new Set<string>();
  for (const tag of html.match(/<(?:input|select|textarea|button)\b[^>]*>/g) ?? []) {
    const name = tag.match(/\bname="([^"]+)"/)?.[1];
    if (!name) continue;
    const decoded = name.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    if (decoded === "intent" || decoded === "_action") {
      const value = tag.match(/\bvalue="([^"]*)"/)?.[1];
      if (value && !DESTRUCTIVE_INTENT.test(value)) intents.add(value);
      names.add(decoded);
      continue;
    }
    if (/\btype="file"/.test(tag)) files.add(decoded);
    names.add(decoded);
  }
  const fields = [...names].slice(0, 40);
  return { fields: fields.length ? fields : GENERIC_FIELDS, intents: [...intents].slice(0, 6), fileFields: [...files] };
}

const encoder = new TextEncoder();
const urlencoded = (body: string | Uint8Array): HostileRequest => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body,
});
const pairs = (entries: [string, string][]) => new URLSearchParams(entries).toString();

/** Every field set to `value`, with one of the form's intents (cases rotate through them). */
function everyField(shape: FormShape, value: string, intent: string | undefined): [string, string][] {
  const entries: [string, string][] = shape.fields.filter((f) => f !== "intent" || !intent).map((f) => [f, value]);
  if (intent) entries.push(["intent", intent]);
  return entries;
}

const MB = 1024 * 1024;
const BOUNDARY = "----hostileBoundary7MA4YWxkTrZu0gW";

function multipart(
  parts: { name: string; filename?: string; type?: string; value: string | Uint8Array }[],
  boundary = BOUNDARY,
): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.filename}"`;
    chunks.push(
      encoder.encode(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${
          part.type ? `Content-Type: ${part.type}\r\n` : ""
        }\r\n`,
      ),
    );
    chunks.push(typeof part.value === "string" ? encoder.encode(part.value) : part.value);
    chunks.push(encoder.encode("\r\n"));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// A PNG header: enough for file-type to call it image/png.
const PNG = Uint8Array.from([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  13,
  0x49,
  0x48,
  0x44,
  0x52,
  0,
  0,
  0,
  1,
  0,
  0,
  0,
  1,
  8,
  6,
  0,
  0,
  0,
  0x1f,
  0x15,
  0xc4,
  0x89,
  ...new Array(64).fill(0),
]);

export const ODD_FILENAMES: [string, string][] = [
  ["semicolon", "a;b.png"],
  ["equals sign", "a=b.png"],
  ["escaped quotes", '\\"quoted\\".png'],
  // As a careless client would send it: the quotes break the header's own quoting.
  ["bare quotes", '"quoted".png'],
  ["unicode", "ảnh-đẹp-😀-图片.png"],
  ["300 characters", `${"a".repeat(296)}.png`],
];

/** Malformed bodies for one form action, aimed at the fields, intents and file inputs its page shows. */
export function formCases(shape: FormShape): HostileCase[] {
  const intent = (i: number) => (shape.intents.length ? shape.intents[i % shape.intents.length] : undefined);
  const cases: HostileCase[] = [];
  const add = (name: string, request: HostileRequest) => cases.push({ name, request });
  const fill = (value: string) => pairs(everyField(shape, value, intent(cases.length)));

  add("empty body", urlencoded(""));
  add("no content type, empty", { method: "POST" });
  add("1 MB body", urlencoded(`${shape.fields[0]}=${"x".repeat(MB)}`));
  add("NUL bytes", urlencoded(fill("a\u0000b\u0000")));
  // Raw bytes that are not UTF-8, both percent-encoded and bare.
  add(
    "invalid UTF-8 (encoded)",
    urlencoded(
      everyField(shape, "", intent(cases.length))
        .map(([k]) => `${encodeURIComponent(k)}=%FF%FE%C3%28`)
        .join("&"),
    ),
  );
  add(
    "invalid UTF-8 (raw bytes)",
    urlencoded(Uint8Array.from([...encoder.encode(`${shape.fields[0]}=`), 0xff, 0xfe, 0xc3, 0x28, 0x80])),
  );
  add("text in number fields", urlencoded(fill("mười hai")));
  add(
    "arrays where scalars are expected",
    urlencoded(
      pairs(
        shape.fields.flatMap((f): [string, string][] => [
          [f, "1"],
          [f, "2"],
          [`${f}[]`, "3"],
          [`${f}[0]`, "4"],
        ]),
      ),
    ),
  );
  add("negative number", urlencoded(fill("-1")));
  add("1e308", urlencoded(fill("1e308")));
  add("99999999999999999999", urlencoded(fill("99999999999999999999")));
  add("date 0000-00-00", urlencoded(fill("0000-00-00")));
  add("date 2026-02-30", urlencoded(fill("2026-02-30")));
  add("date 9999-99-99", urlencoded(fill("9999-99-99")));
  add(
    "each name 50 times",
    urlencoded(
      pairs(shape.fields.flatMap((f) => Array.from({ length: 50 }, (_, i): [string, string] => [f, String(i)]))),
    ),
  );
  add(
    "prototype-polluting names",
    urlencoded(
      pairs([
        ...everyField(shape, "x", intent(cases.length)),
        ["__proto__", "x"],
        ["__proto__[polluted]", "1"],
        ["constructor[prototype]", "x"],
        ["constructor[prototype][polluted]", "1"],
        ["__proto__.polluted", "1"],
      ]),
    ),
  );
  add(
    "sparse index x[99999999]",
    urlencoded(pairs([...everyField(shape, "1", intent(cases.length)), ["x[99999999]", "1"]])),
  );
  add(
    "sparse index packages[99999999].price",
    urlencoded(pairs([...everyField(shape, "1", intent(cases.length)), ["packages[99999999].price", "1"]])),
  );
  add("5000 fields", urlencoded(Array.from({ length: 5000 }, (_, i) => `f${i}=1`).join("&")));
  add("JSON body", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(Object.fromEntries(everyField(shape, "x", intent(cases.length)))),
  });
  add("text/plain body", { method: "POST", headers: { "content-type": "text/plain" }, body: fill("x") });
  add("XML body", {
    method: "POST",
    headers: { "content-type": "application/xml" },
    body: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><form><a>&e;</a></form>`,
  });
  add("multipart without boundary", {
    method: "POST",
    headers: { "content-type": "multipart/form-data" },
    body: multipart([{ name: shape.fields[0]!, value: "x" }]),
  });
  add("unterminated multipart", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${shape.fields[0]}"\r\n\r\nno closing boundary`,
  });
  add("chunked urlencoded body", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(fill("x")));
          controller.close();
        },
      }),
  });
  // Odd upload file names, on every form: a form without file inputs still
  // parses the multipart body its action is sent (and once answered 500 to quotes).
  const fileFields = shape.fileFields.length ? shape.fileFields : ["file"];
  for (const [label, filename] of ODD_FILENAMES) {
    add(`upload named ${label}`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipart([
        ...everyField(shape, "1", intent(cases.length))
          .filter(([f]) => !fileFields.includes(f))
          .map(([name, value]) => ({ name, value })),
        ...fileFields.map((name) => ({ name, filename, type: "image/png", value: PNG })),
      ]),
    });
  }
  return cases;
}

// Query parameters the open data API documents, plus the usual suspects.
export const API_QUERY_NAMES = [
  "page",
  "perPage",
  "limit",
  "q",
  "updatedSince",
  "list",
  "sector",
  "technology",
  "type",
  "sort",
  "status",
  "kind",
  "after",
  "lng",
];

/** Malformed query strings for one GET endpoint. */
export function queryCases(names: string[] = API_QUERY_NAMES): HostileCase[] {
  const get = (name: string, query: string): HostileCase => ({ name, request: { method: "GET", query: `?${query}` } });
  const each = (value: string) => names.map((n) => `${n}=${value}`).join("&");
  return [
    get("no query", ""),
    get("huge page numbers", "page=99999999999999999999&perPage=99999999999999999999"),
    get("page 1e308", "page=1e308&perPage=1e308&limit=1e308"),
    get("negative page and limit", "page=-1&perPage=-1&limit=-1"),
    get("text in numbers", "page=abc&perPage=ba&limit=mười"),
    // ASCII, so the 10,000 characters stay under Node's 16 kB header limit and reach the app.
    get("q of 10,000 characters", `q=${"den+giao+thong+".repeat(700).slice(0, 10_000)}`),
    get("q of 2,000 Vietnamese characters", `q=${encodeURIComponent("đèn giao thông ".repeat(140).slice(0, 2_000))}`),
    get("repeated parameters", names.flatMap((n) => [`${n}=1`, `${n}=2`, `${n}=`]).join("&")),
    get("invalid percent-encoding", `q=%E0%A4%A&page=%&limit=%ZZ&updatedSince=%`),
    get("invalid UTF-8", each("%FF%FE%C3%28")),
    get("NUL bytes", each("a%00b")),
    get("impossible date 0000-00-00", "updatedSince=0000-00-00&after=0000-00-00"),
    get("impossible date 2026-02-30", "updatedSince=2026-02-30T00:00:00Z&after=2026-02-30"),
    get("impossible date 9999-99-99", "updatedSince=9999-99-99&after=9999-99-99"),
    get("every parameter as text", each("%3Cscript%3E")),
    get("array parameters", names.map((n) => `${n}[]=1&${n}[0]=2`).join("&")),
    get("prototype-polluting names", "__proto__=1&__proto__[x]=1&constructor[prototype][x]=1&page=1"),
    get("sparse index", "x[99999999]=1&q[99999999]=1"),
    get("1000 parameters", Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join("&")),
  ];
}

/** A smaller sweep for pages (loaders other than the API): the out-of-range parameters of issue 13. */
export function pageQueryCases(): HostileCase[] {
  const get = (name: string, query: string): HostileCase => ({ name, request: { method: "GET", query: `?${query}` } });
  return [
    get(
      "huge numbers",
      "page=99999999999999999999&version=99999999999999999999&perPage=99999999999999999999&limit=99999999999999999999",
    ),
    get("negative numbers", "page=-1&version=-1&limit=-1"),
    get("impossible dates", "from=0000-00-00&to=9999-99-99&since=2026-02-30&updatedSince=2026-02-30&month=2026-13"),
    get("invalid percent-encoding", "q=%E0%A4%A&page=%&from=%ZZ"),
    get("long q and repeated parameters", `q=${"a".repeat(10_000)}&page=1&page=2&sort=x&sort=y&type=x[]`),
  ];
}

/** Runs `fn` over `items`, at most `limit` at a time, in order of start. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

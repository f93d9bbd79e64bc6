// The public API's OpenAPI 3.1 document, written as a typed object next to
// the code it describes. Parameter limits and enums come from the same
// constants the query schemas use, so they cannot drift; the unit test checks
// every served route and query parameter is documented, and an integration
// test checks real responses against these schemas.
import {
  API_DEFAULT_LIMIT,
  API_DEFAULT_PER_PAGE,
  API_MAX_LIMIT,
  API_MAX_PAGE,
  API_MAX_PER_PAGE,
  MAJOR_PROBLEM_STATUSES,
  ORGANISATION_KINDS,
  PUBLIC_STATEMENT_STATUSES,
  UPDATED_SINCE_SKEW_MS,
} from "~/schemas/open-api";
import { DEFAULT_PER_PAGE, FILTER_FIELDS, MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_LENGTH } from "~/schemas/search";
import { FACET_FIELDS, SEARCH_DOC_TYPES, SORT_ORDERS } from "../../search/types.ts";

type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";
export type SchemaObject = {
  $ref?: string;
  type?: JsonType | JsonType[];
  description?: string;
  format?: string;
  enum?: readonly (string | number | null)[];
  const?: string;
  properties?: Record<string, SchemaObject>;
  required?: readonly string[];
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  oneOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: string | number;
};
export type ParameterObject = {
  name: string;
  in: "query" | "path";
  required?: boolean;
  description: string;
  schema: SchemaObject;
  style?: "form";
  explode?: boolean;
};
type ResponseObject = {
  description: string;
  headers?: Record<string, { description: string; schema: SchemaObject }>;
  content?: Record<string, { schema: SchemaObject }>;
};
export type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: (ParameterObject | { $ref: string })[];
  responses: Record<string, ResponseObject | { $ref: string }>;
};
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string; license?: { name: string; identifier: string } };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, { get: OperationObject }>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
  };
};

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): SchemaObject => ({ type: "string", ...(description ? { description } : {}) });
const nullable = (schema: SchemaObject): SchemaObject =>
  schema.$ref ? { oneOf: [schema, { type: "null" }] } : { ...schema, type: [schema.type as JsonType, "null"] };
const int = (description?: string): SchemaObject => ({ type: "integer", ...(description ? { description } : {}) });
const dateTime: SchemaObject = { type: "string", format: "date-time" };
const arrayOf = (items: SchemaObject): SchemaObject => ({ type: "array", items });
// Every listed property is required (null when absent), so clients can rely on the keys.
const object = (properties: Record<string, SchemaObject>, description?: string): SchemaObject => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
});
const reason = (kind: string, properties: Record<string, SchemaObject>, description: string) =>
  object(
    {
      kind: { type: "string", const: kind },
      ...properties,
      text: str("The reason as one sentence in the request language (lng)."),
    },
    description,
  );

const termRef = ref("TermRef");
const page = (item: string) =>
  object({
    total: int("Number of items across all pages (with updatedSince: from this point of the walk on)."),
    page: int(),
    perPage: int(),
    next: nullable(
      str(
        "Path and query of the next page, every other parameter kept; null on the last page. With updatedSince it carries updatedSince and after of the last item.",
      ),
    ),
    items: arrayOf(ref(item)),
  });
const updatedAt = { ...dateTime, description: "When the public record last changed: what updatedSince compares." };

const schemas: Record<string, SchemaObject> = {
  Error: object({
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          enum: ["invalid_parameters", "not_found", "matching_unavailable", "search_unavailable", "rate_limited"],
        },
        message: str("What went wrong, in Vietnamese, or English with lng=en."),
        details: arrayOf(object({ field: str("The parameter at fault."), message: str() })),
      },
    },
  }),
  TermRef: object(
    { slug: str(), nameVi: str(), nameEn: str() },
    "A taxonomy term (sector or technology) named in both languages.",
  ),
  Organisation: object({ name: str(), slug: nullable(str()), url: nullable(str("Public profile path.")) }),
  MajorProblem: object({
    id: str("Stable across list versions."),
    code: str("Unique within a list; the same code may appear in several lists."),
    title: str("In Vietnamese, as the city's decision names it."),
    description: str("In Vietnamese."),
    titleEn: nullable(str("English title entered by staff; null when there is none yet.")),
    summaryEn: nullable(str("English summary entered by staff; null when there is none yet.")),
    sector: nullable(termRef),
    leadAgency: str("Lead agency named in the city's decision."),
    priority: { type: "string", enum: ["HIGH", "MEDIUM", "LOW"] },
    status: { type: "string", enum: MAJOR_PROBLEM_STATUSES },
    list: object({
      slug: str(),
      name: str("In Vietnamese."),
      nameEn: nullable(str("English name; null when there is none yet.")),
      summary: nullable(str("Vietnamese summary of the list.")),
      summaryEn: nullable(str("English summary of the list.")),
      decisionNumber: str(),
      decisionDate: dateTime,
      periodStart: int(),
      periodEnd: int(),
      version: int("Number of the latest published version this problem is read from."),
      publishedAt: dateTime,
    }),
    url: str("Path of the public page."),
    updatedAt: {
      ...dateTime,
      description: "When its list published the version it is read from (the text only changes then).",
    },
  }),
  MajorProblemPage: page("MajorProblem"),
  ProblemStatementSummary: object({
    id: str(),
    slug: str(),
    title: str("In Vietnamese."),
    status: { type: "string", enum: PUBLIC_STATEMENT_STATUSES },
    summaryEn: nullable(
      str("An English summary by the agency; null when there is none (the statement is then in Vietnamese only)."),
    ),
    organisation: ref("Organisation"),
    sector: nullable(termRef),
    budgetMinVnd: nullable(int("Vietnamese đồng.")),
    budgetMaxVnd: nullable(int("Vietnamese đồng.")),
    desiredTrl: nullable(int()),
    proposalDeadline: nullable(dateTime),
    publishedAt: nullable(dateTime),
    majorProblem: nullable(object({ code: str(), listSlug: str(), url: str() })),
    url: str(),
    updatedAt,
  }),
  ProblemStatementPage: page("ProblemStatementSummary"),
  OfferRef: object({
    id: str(),
    externalId: nullable(str("Identifier in the provider's own catalogue, when imported.")),
    slug: str(),
    title: str("In the request language when the provider wrote one, otherwise Vietnamese."),
    provider: ref("Organisation"),
    url: str(),
  }),
  OfferSummary: {
    ...object({
      id: str(),
      externalId: nullable(str()),
      slug: str(),
      title: str(),
      provider: ref("Organisation"),
      url: str(),
      titleVi: str(),
      titleEn: nullable(str()),
      summary: str(),
      trl: nullable({ ...int("Technology readiness level, 1–9."), minimum: 1, maximum: 9 }),
      deploymentModel: nullable({ type: "string", enum: ["SAAS", "ON_PREMISE", "HARDWARE", "SERVICE"] }),
      evidenceLevel: {
        type: "string",
        enum: ["SELF_DECLARED", "DOCUMENTS_VERIFIED", "REFERENCE_CONFIRMED", "SANDBOX_TESTED"],
      },
      sectors: arrayOf(termRef),
      technologies: arrayOf(termRef),
      publishedAt: nullable(dateTime),
      updatedAt,
    }),
  },
  OfferPage: page("OfferSummary"),
  PublicOrganisation: object(
    {
      id: str(),
      slug: str(),
      name: str(),
      kind: { type: "string", enum: ORGANISATION_KINDS },
      website: nullable(str()),
      address: nullable(str("As shown on the public profile.")),
      description: nullable(str()),
      verified: { type: "boolean", description: "The exchange checked the organisation's registration." },
      verifiedAt: nullable(dateTime),
      memberSince: dateTime,
      publishedOffers: int(),
      publicStatements: int("Published or closed problem statements."),
      url: str("Public profile path."),
      updatedAt: {
        ...dateTime,
        description: "When the profile last changed (counts of offers and statements do not move it).",
      },
    },
    "An organisation's public profile: no members, e-mails, tax code or orders.",
  ),
  PublicOrganisationPage: page("PublicOrganisation"),
  PublicOrganisationResponse: object({ organisation: ref("PublicOrganisation") }),
  ApprovedMatch: object(
    {
      id: str(),
      offer: ref("OfferRef"),
      need: object({
        type: { type: "string", enum: ["major-problem", "problem-statement"] },
        id: str(),
        code: nullable(str("Major problems only.")),
        slug: nullable(str("Problem statements only.")),
        listSlug: nullable(str("Major problems only.")),
        title: str(),
        url: str(),
      }),
      stage: nullable({
        type: "string",
        enum: ["INTRODUCED", "PILOT", "PROCUREMENT", "DEPLOYED", "DROPPED"],
        description: "Deployment stage; null until staff record one.",
      }),
      stageDates: object({
        introducedAt: nullable(dateTime),
        pilotAt: nullable(dateTime),
        procurementAt: nullable(dateTime),
        deployedAt: nullable(dateTime),
        droppedAt: nullable(dateTime),
      }),
      approvedAt: nullable(dateTime),
      updatedAt: { ...dateTime, description: "When the match last changed (approval or stage)." },
    },
    "A pair staff approved; suggestions, notes and rejections are never published.",
  ),
  ApprovedMatchPage: page("ApprovedMatch"),
  MatchReason: {
    description: "Why a pair was suggested: one of several kinds, each with a readable sentence.",
    oneOf: [
      reason(
        "terms",
        { terms: arrayOf(str()) },
        "Words and phrases the need and the offer share, as the offer writes them.",
      ),
      reason("sector", { terms: arrayOf(termRef) }, "Shared sectors."),
      reason("technology", { terms: arrayOf(termRef) }, "Shared technologies."),
      reason(
        "trl",
        { offerTrl: int(), wantedTrl: nullable(int()), fit: { type: "string", enum: ["meets", "below"] } },
        "Technology readiness against what the need asks.",
      ),
      reason(
        "budget",
        { priceMinVnd: int(), budgetMaxVnd: int(), fit: { type: "string", enum: ["within", "over"] } },
        "The offer's lowest price against the need's budget.",
      ),
      reason("reference", { count: int(), sector: termRef }, "The provider's references in the need's sector."),
      reason("curation", { approvedForSimilar: int() }, "Staff approved this offer for similar needs."),
    ],
  },
  Need: {
    oneOf: [
      object({
        type: { type: "string", const: "major-problem" },
        id: str(),
        code: str(),
        title: str(),
        status: { type: "string", enum: MAJOR_PROBLEM_STATUSES },
        list: object({ slug: str(), name: str() }),
        url: str(),
      }),
      object({
        type: { type: "string", const: "problem-statement" },
        id: str(),
        slug: str(),
        title: str(),
        status: { type: "string", enum: ["PUBLISHED"] },
        proposalDeadline: nullable(dateTime),
        organisation: ref("Organisation"),
        url: str(),
      }),
    ],
  },
  MajorProblemMatches: object({ problem: ref("MajorProblem"), matches: arrayOf(ref("OfferMatch")) }),
  ProblemStatementMatches: object({ problem: ref("ProblemStatement"), matches: arrayOf(ref("OfferMatch")) }),
  OfferMatch: object({
    offer: ref("OfferRef"),
    score: { type: "number", minimum: 0, maximum: 1, description: "Higher is a better fit." },
    reasons: arrayOf(ref("MatchReason")),
  }),
  OfferMatches: object({ offer: ref("OfferRef"), matches: arrayOf(ref("NeedMatch")) }),
  NeedMatch: object({
    need: ref("Need"),
    score: { type: "number", minimum: 0, maximum: 1 },
    reasons: arrayOf(ref("MatchReason")),
  }),
  SearchResult: object({
    total: int(),
    page: int(),
    perPage: int(),
    didYouMean: nullable(str("A corrected query, when nothing matched.")),
    hits: arrayOf(
      object({
        id: str(),
        type: { type: "string", enum: SEARCH_DOC_TYPES },
        slug: str(),
        url: str(),
        title: str(),
        organisation: nullable(str()),
        highlight: object({
          title: str("HTML; matches wrapped in <mark>."),
          snippet: str("HTML; matches wrapped in <mark>."),
        }),
      }),
    ),
    facets: {
      type: "object",
      description: "Counts per facet value.",
      properties: Object.fromEntries(
        FACET_FIELDS.map((field) => [field, { type: "object", additionalProperties: { type: "integer" } }]),
      ),
    },
  }),
};

// Detail shapes extend the summaries with every published field.
const extend = (base: string, properties: Record<string, SchemaObject>): SchemaObject => ({
  type: "object",
  properties: { ...schemas[base]!.properties, ...properties },
  required: [...schemas[base]!.required!, ...Object.keys(properties)],
});
schemas.ProblemStatement = extend("ProblemStatementSummary", {
  context: str(),
  targetUsers: nullable(str()),
  responsiblePerson: str(),
  scopeOfWork: str(),
  timeline: str(),
  deadline: nullable(dateTime),
  accountableUnit: str(),
  deliverable: str(),
  successCriteria: str(),
  decisionAuthority: str(),
  dataAvailable: nullable(str()),
  constraints: nullable(str()),
  closedAt: nullable(dateTime),
  outcome: nullable(str()),
});
schemas.Offer = extend("OfferSummary", {
  summaryVi: str(),
  summaryEn: nullable(str()),
  descriptionMd: str("Markdown."),
  ipStatus: nullable(str()),
  packages: arrayOf(
    object({
      name: str(),
      priceVnd: nullable(int("Null means price on request.")),
      unit: str(),
      description: nullable(str()),
    }),
  ),
  references: arrayOf(object({ customer: str(), year: int(), result: str() })),
});

const parameters: Record<string, ParameterObject> = {
  lng: {
    name: "lng",
    in: "query",
    description: "Language of messages and reasons: vi (default) or en.",
    schema: { type: "string", enum: ["vi", "en"], default: "vi" },
  },
  page: {
    name: "page",
    in: "query",
    description: "Page number.",
    schema: { type: "integer", minimum: 1, maximum: API_MAX_PAGE, default: 1 },
  },
  perPage: {
    name: "perPage",
    in: "query",
    description: "Items per page.",
    schema: { type: "integer", minimum: 1, maximum: API_MAX_PER_PAGE, default: API_DEFAULT_PER_PAGE },
  },
  limit: {
    name: "limit",
    in: "query",
    description: "How many suggestions, best first.",
    schema: { type: "integer", minimum: 1, maximum: API_MAX_LIMIT, default: API_DEFAULT_LIMIT },
  },
  list: {
    name: "list",
    in: "query",
    description: "Slug of a list of major problems; without it, the newest list that has the code.",
    schema: str(),
  },
  sector: { name: "sector", in: "query", description: "Sector slug.", schema: str() },
  technology: { name: "technology", in: "query", description: "Technology slug.", schema: str() },
  code: {
    name: "code",
    in: "path",
    required: true,
    description: "Code of the major problem, e.g. BT-01.",
    schema: str(),
  },
  slug: {
    name: "slug",
    in: "path",
    required: true,
    description: "The slug from the public page's address.",
    schema: str(),
  },
  updatedSince: {
    name: "updatedSince",
    in: "query",
    description: `Incremental sync: only records whose updatedAt is at or after this instant, oldest change first (updatedAt, then id). ISO 8601 with Z or an offset; at most ${
      UPDATED_SINCE_SKEW_MS / 60000
    } minutes ahead of the server clock. Follow \`next\` until it is null, then keep the largest updatedAt seen for the next run. Removed or unpublished records do not appear: refresh fully (or from the daily bulk files) now and then.`,
    schema: { type: "string", format: "date-time" },
  },
  after: {
    name: "after",
    in: "query",
    description:
      "With updatedSince: continue after the record with this id at that instant. Taken from the next link; do not build it yourself.",
    schema: str(),
  },
  kind: {
    name: "kind",
    in: "query",
    description: "Only organisations of this kind.",
    schema: { type: "string", enum: ORGANISATION_KINDS },
  },
};
const p = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const status = (values: readonly string[]): ParameterObject => ({
  name: "status",
  in: "query",
  description: "Only items with this status.",
  schema: { type: "string", enum: values },
});

const responses: Record<string, ResponseObject> = {
  BadRequest: {
    description: "A parameter is wrong or not supported.",
    content: { "application/json": { schema: ref("Error") } },
  },
  NotFound: {
    description: "Nothing published at this address.",
    content: { "application/json": { schema: ref("Error") } },
  },
  Unavailable: {
    description: "The matching or search service failed; try again shortly.",
    content: { "application/json": { schema: ref("Error") } },
  },
};
const rateLimitHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per window for one client IP.", schema: int() },
  "RateLimit-Remaining": { description: "Requests left in this window.", schema: int() },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: int() },
};
responses.NotModified = {
  description: "The answer has not changed since the ETag sent in If-None-Match; no body.",
  headers: { ETag: { description: "The same validator.", schema: str() }, ...rateLimitHeaders },
};
responses.TooManyRequests = {
  description: "This client IP sent too many requests; wait Retry-After seconds.",
  headers: { "Retry-After": { description: "Seconds to wait.", schema: int() }, ...rateLimitHeaders },
  content: { "application/json": { schema: ref("Error") } },
};
const ok = (schema: string, description: string): ResponseObject => ({
  description,
  headers: {
    "Cache-Control": { description: "Public answers may be cached briefly.", schema: str() },
    ETag: {
      description: "Weak validator of the body; send it back in If-None-Match to get 304 when nothing changed.",
      schema: str(),
    },
    ...rateLimitHeaders,
  },
  content: { "application/json": { schema: ref(schema) } },
});
const errorResponses = { "400": "BadRequest", "404": "NotFound", "503": "Unavailable" } as const;
const errors = (...codes: (keyof typeof errorResponses)[]) =>
  Object.fromEntries(codes.map((code) => [code, { $ref: `#/components/responses/${errorResponses[code]}` }]));
// Every GET can answer 304 (ETag) and 429 (rate limit).
const get = (operation: Omit<OperationObject, "tags"> & { tag: string }) => {
  const { tag, ...rest } = operation;
  const common = {
    "304": { $ref: "#/components/responses/NotModified" },
    "429": { $ref: "#/components/responses/TooManyRequests" },
  };
  return { get: { ...rest, responses: { ...rest.responses, ...common }, tags: [tag] } };
};

const searchParameters: ParameterObject[] = [
  {
    name: "q",
    in: "query",
    description: "Search text; with or without Vietnamese diacritics.",
    schema: { type: "string", maxLength: MAX_QUERY_LENGTH },
  },
  {
    name: "type",
    in: "query",
    description: "Only one kind of result.",
    schema: { type: "string", enum: SEARCH_DOC_TYPES },
  },
  {
    name: "sort",
    in: "query",
    description: "Order of results.",
    schema: { type: "string", enum: SORT_ORDERS, default: "relevance" },
  },
  {
    name: "page",
    in: "query",
    description: "Page number.",
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 },
  },
  {
    name: "perPage",
    in: "query",
    description: "Results per page.",
    schema: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
  },
  ...FILTER_FIELDS.map(
    (field): ParameterObject => ({
      name: field,
      in: "query",
      description: `Facet filter; repeat the parameter for several values.`,
      style: "form",
      explode: true,
      schema: arrayOf(str()),
    }),
  ),
];

export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Sàn Giao dịch Công nghệ Hà Nội — API dữ liệu mở (Hanoi Tech Exchange open data API)",
    version: "1.0.0",
    description:
      "Dữ liệu công khai của Sàn: danh mục bài toán lớn, bài toán đã công bố, giải pháp đã công bố và gợi ý kết nối. Chỉ dữ liệu đã công bố; không có thông tin liên hệ, bản nháp hay hồ sơ đề xuất.\n\n" +
      "Public data of the Hanoi Tech Exchange: the city's major problems, published problem statements, published offers and suggested matches. Published data only; no contact details, drafts or proposals. Errors are JSON, in Vietnamese by default and English with lng=en.\n\n" +
      "Lists page with page and perPage (at most " +
      API_MAX_PER_PAGE +
      "; more is an error, not silently cut) and a next link. For incremental sync pass updatedSince and follow next. Every answer has an ETag: send it back in If-None-Match for 304. Requests are limited per client IP (RateLimit-* headers; 429 with Retry-After). Daily bulk CSV/JSON files and their DCAT catalogue: /open-data.",
  },
  servers: [{ url: "/", description: "This exchange" }],
  tags: [
    { name: "major-problems", description: "The city's list of major problems (bài toán lớn)." },
    { name: "problem-statements", description: "Agencies' published problem statements (bài toán)." },
    { name: "offers", description: "Providers' published offers (giải pháp)." },
    { name: "organisations", description: "Public profiles of the organisations on the exchange." },
    { name: "matches", description: "Offer–need pairs approved by the exchange's staff." },
    { name: "search", description: "Full-text search over everything published." },
    { name: "meta", description: "About the API itself." },
  ],
  paths: {
    "/api/v1/major-problems": get({
      tag: "major-problems",
      operationId: "listMajorProblems",
      summary: "Major problems from the latest published version of each list",
      parameters: [
        p("page"),
        p("perPage"),
        p("updatedSince"),
        p("after"),
        p("list"),
        p("sector"),
        status(MAJOR_PROBLEM_STATUSES),
        p("lng"),
      ],
      responses: { "200": ok("MajorProblemPage", "A page of major problems, newest list first."), ...errors("400") },
    }),
    "/api/v1/major-problems/{code}": get({
      tag: "major-problems",
      operationId: "getMajorProblem",
      summary: "One major problem by code",
      parameters: [p("code"), p("list"), p("lng")],
      responses: { "200": ok("MajorProblemResponse", "The problem as last published."), ...errors("400", "404") },
    }),
    "/api/v1/major-problems/{code}/matches": get({
      tag: "major-problems",
      operationId: "getMajorProblemMatches",
      summary: "Published offers that may solve a major problem",
      parameters: [p("code"), p("list"), p("limit"), p("lng")],
      responses: {
        "200": ok("MajorProblemMatches", "Offers, best fit first, with reasons."),
        ...errors("400", "404", "503"),
      },
    }),
    "/api/v1/problem-statements": get({
      tag: "problem-statements",
      operationId: "listProblemStatements",
      summary: "Published problem statements",
      parameters: [
        p("page"),
        p("perPage"),
        p("updatedSince"),
        p("after"),
        p("sector"),
        status(PUBLIC_STATEMENT_STATUSES),
        p("lng"),
      ],
      responses: { "200": ok("ProblemStatementPage", "A page of statements, newest first."), ...errors("400") },
    }),
    "/api/v1/problem-statements/{slug}": get({
      tag: "problem-statements",
      operationId: "getProblemStatement",
      summary: "One published problem statement, with its “6 rõ”",
      parameters: [p("slug"), p("lng")],
      responses: { "200": ok("ProblemStatementResponse", "The statement."), ...errors("400", "404") },
    }),
    "/api/v1/problem-statements/{slug}/matches": get({
      tag: "problem-statements",
      operationId: "getProblemStatementMatches",
      summary: "Published offers that may answer a statement",
      parameters: [p("slug"), p("limit"), p("lng")],
      responses: {
        "200": ok("ProblemStatementMatches", "Offers, best fit first, with reasons."),
        ...errors("400", "404", "503"),
      },
    }),
    "/api/v1/offers": get({
      tag: "offers",
      operationId: "listOffers",
      summary: "Published offers",
      parameters: [p("page"), p("perPage"), p("updatedSince"), p("after"), p("sector"), p("technology"), p("lng")],
      responses: { "200": ok("OfferPage", "A page of offers, newest first."), ...errors("400") },
    }),
    "/api/v1/offers/{slug}": get({
      tag: "offers",
      operationId: "getOffer",
      summary: "One published offer (no contact details)",
      parameters: [p("slug"), p("lng")],
      responses: { "200": ok("OfferResponse", "The offer."), ...errors("400", "404") },
    }),
    "/api/v1/offers/{slug}/matches": get({
      tag: "offers",
      operationId: "getOfferMatches",
      summary: "Open major problems and problem statements an offer may fit",
      parameters: [p("slug"), p("limit"), p("lng")],
      responses: { "200": ok("OfferMatches", "Needs, best fit first, with reasons."), ...errors("400", "404", "503") },
    }),
    "/api/v1/organisations": get({
      tag: "organisations",
      operationId: "listOrganisations",
      summary: "Organisations with a public profile",
      parameters: [p("page"), p("perPage"), p("updatedSince"), p("after"), p("kind"), p("lng")],
      responses: {
        "200": ok("PublicOrganisationPage", "A page of organisations by name (by change with updatedSince)."),
        ...errors("400"),
      },
    }),
    "/api/v1/organisations/{slug}": get({
      tag: "organisations",
      operationId: "getOrganisation",
      summary: "One organisation's public profile",
      parameters: [p("slug"), p("lng")],
      responses: { "200": ok("PublicOrganisationResponse", "The organisation."), ...errors("400", "404") },
    }),
    "/api/v1/matches": get({
      tag: "matches",
      operationId: "listApprovedMatches",
      summary: "Matches staff approved between published offers and published needs",
      parameters: [p("page"), p("perPage"), p("updatedSince"), p("after"), p("lng")],
      responses: {
        "200": ok(
          "ApprovedMatchPage",
          "A page of approved matches, latest approval first (by change with updatedSince).",
        ),
        ...errors("400"),
      },
    }),
    "/api/v1/openapi.json": get({
      tag: "meta",
      operationId: "openApiDocument",
      summary: "This document",
      parameters: [],
      responses: {
        "200": {
          description: "The OpenAPI 3.1 document.",
          content: { "application/json": { schema: { type: "object" } } },
        },
      },
    }),
    "/api/v1/search": get({
      tag: "search",
      operationId: "search",
      summary: "Search published offers, problem statements and major problems",
      parameters: [...searchParameters, p("lng")],
      responses: { "200": ok("SearchResult", "Hits with highlights, and facet counts."), ...errors("400", "503") },
    }),
  },
  components: { schemas, parameters, responses },
};

schemas.MajorProblemResponse = object({ problem: ref("MajorProblem") });
schemas.ProblemStatementResponse = object({ problem: ref("ProblemStatement") });
schemas.OfferResponse = object({ offer: ref("Offer") });

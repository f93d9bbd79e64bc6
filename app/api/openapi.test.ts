import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  approvedMatchListQuery,
  detailQuery,
  majorProblemListQuery,
  organisationListQuery,
  majorProblemMatchesQuery,
  majorProblemQuery,
  matchesQuery,
  offerListQuery,
  statementListQuery,
} from "~/schemas/open-api";
import { searchParamsSchema } from "~/schemas/search";
import { routeModules, routeTemplate } from "~/test-support/hostile-corpus";
import { problemsWith } from "~/test-support/openapi-conformance";
import { type OperationObject, type ParameterObject, type SchemaObject, openApiDocument as doc } from "./openapi";

// The route files under app/routes that answer /api/v1/..., as URL templates.
function servedApiPaths(): string[] {
  return (
    routeModules()
      .map(({ name }) => routeTemplate(name))
      // api.v1.$.tsx only answers unknown addresses with a JSON 404.
      .filter((template) => template.startsWith("/api/v1/") && template !== "/api/v1/*")
      .map((template) => template.replace(/\/\$([^/]+)/g, "/{$1}"))
      .sort()
  );
}

function resolve<T>(node: T | { $ref: string }): T {
  if (node && typeof node === "object" && "$ref" in node && typeof node.$ref === "string") {
    const target = node.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], doc);
    if (!target) throw new Error(`unresolved ${node.$ref}`);
    return target as T;
  }
  return node as T;
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

function schemasIn(node: SchemaObject, found: SchemaObject[] = []): SchemaObject[] {
  found.push(node);
  for (const child of [
    ...Object.values(node.properties ?? {}),
    ...(node.items ? [node.items] : []),
    ...(node.oneOf ?? []),
  ])
    schemasIn(child, found);
  return found;
}

const operations = Object.entries(doc.paths).map(([template, item]) => ({
  template,
  operation: item.get as OperationObject,
}));
const queryOf = (operation: OperationObject) =>
  operation.parameters
    .map((parameter) => resolve<ParameterObject>(parameter))
    .filter((parameter) => parameter.in === "query")
    .map((parameter) => parameter.name)
    .sort();

// Which query schema each operation's route parses with.
const querySchemas: Record<string, z.AnyZodObject> = {
  listMajorProblems: majorProblemListQuery,
  getMajorProblem: majorProblemQuery,
  getMajorProblemMatches: majorProblemMatchesQuery,
  listProblemStatements: statementListQuery,
  getProblemStatement: detailQuery,
  getProblemStatementMatches: matchesQuery,
  listOffers: offerListQuery,
  getOffer: detailQuery,
  getOfferMatches: matchesQuery,
  listOrganisations: organisationListQuery,
  getOrganisation: detailQuery,
  listApprovedMatches: approvedMatchListQuery,
};

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents every /api/v1 route we serve, and nothing we do not", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(servedApiPaths());
    expect(servedApiPaths()).toContain("/api/v1/major-problems/{code}/matches");
  });

  it("has no dangling references and unique operation ids", () => {
    for (const target of refsIn(doc)) expect(() => resolve({ $ref: target }), target).not.toThrow();
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists for each endpoint exactly the query parameters its route accepts", () => {
    for (const [operationId, schema] of Object.entries(querySchemas)) {
      const { operation } = operations.find((entry) => entry.operation.operationId === operationId)!;
      expect(queryOf(operation), operationId).toEqual(Object.keys(schema.shape).sort());
    }
    const search = operations.find((entry) => entry.operation.operationId === "search")!.operation;
    expect(queryOf(search)).toEqual([...Object.keys(searchParamsSchema.shape), "lng"].sort());
  });

  it("declares each path parameter of a template, as required", () => {
    for (const { template, operation } of operations) {
      const inTemplate = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = operation.parameters
        .map((parameter) => resolve<ParameterObject>(parameter))
        .filter((parameter) => parameter.in === "path");
      expect(declared.map((parameter) => parameter.name).sort(), template).toEqual(inTemplate);
      for (const parameter of declared) expect(parameter.required, `${template} ${parameter.name}`).toBe(true);
    }
  });

  it("documents a JSON success and the errors each endpoint can give", () => {
    for (const { template, operation } of operations) {
      expect(resolve(operation.responses["200"]!), template).toHaveProperty("content.application/json.schema");
      if (queryOf(operation).length) expect(operation.responses, template).toHaveProperty("400");
      if (template.includes("{")) expect(operation.responses, template).toHaveProperty("404");
      if (/\{\w+\}\/matches$/.test(template) || template.endsWith("/search"))
        expect(operation.responses, template).toHaveProperty("503");
      expect(Object.keys(operation.responses), template).toEqual(expect.arrayContaining(["304", "429"]));
    }
  });

  it("only requires properties that it describes", () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const node of schemasIn(schema)) {
        for (const key of node.required ?? []) expect(node.properties, `${name}.${key}`).toHaveProperty(key);
      }
    }
  });

  it("never describes contact details", () => {
    expect(JSON.stringify(doc)).not.toMatch(
      /contactEmail|contactPhone|contactName|pitch|reviewNote|taxCode|rejectReason|dropReason|assignee/,
    );
  });

  it("gives the integration tests a checker that does fail: missing, extra, mistyped and unknown-kind values", () => {
    const term = { slug: "giao-thong", nameVi: "Giao thông", nameEn: "Transport" };
    expect(problemsWith(term, { $ref: "#/components/schemas/TermRef" })).toEqual([]);
    expect(problemsWith({ slug: "x", nameVi: "y" }, { $ref: "#/components/schemas/TermRef" })).toEqual([
      "$.nameEn: missing",
    ]);
    expect(problemsWith({ ...term, contactEmail: "a@b.vn" }, { $ref: "#/components/schemas/TermRef" })).toEqual([
      "$.contactEmail: not in the document",
    ]);
    expect(problemsWith({ ...term, slug: 3 }, { $ref: "#/components/schemas/TermRef" })).toEqual([
      "$.slug: integer, expected string",
    ]);
    const reason = { $ref: "#/components/schemas/MatchReason" };
    expect(problemsWith({ kind: "sector", terms: [term], text: "Cùng lĩnh vực: Giao thông." }, reason)).toEqual([]);
    expect(problemsWith({ kind: "mood", text: "?" }, reason)).not.toEqual([]);
  });
});

// Checks a JSON value against a schema of our OpenAPI document: the subset
// of JSON Schema the document uses ($ref, oneOf, type, const, enum,
// properties, required, items, additionalProperties, minimum, maximum).
// Properties the schema does not describe are reported too, so a field
// added to a response without documenting it (or leaking) fails a test.
import { type SchemaObject, openApiDocument } from "~/api/openapi";

const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;

function resolve(schema: SchemaObject): SchemaObject {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = openApiDocument.components.schemas[name];
  if (!target) throw new Error(`unknown schema ${schema.$ref}`);
  return target;
}

export function problemsWith(value: unknown, input: SchemaObject, at = "$"): string[] {
  const schema = resolve(input);
  if (schema.oneOf) {
    const passing = schema.oneOf.filter((option) => problemsWith(value, option, at).length === 0).length;
    if (passing === 1) return [];
    const closest = schema.oneOf
      .map((option) => problemsWith(value, option, at))
      .sort((a, b) => a.length - b.length)[0]!;
    return passing === 0 ? closest : [`${at}: matches ${passing} alternatives of oneOf`];
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type) {
    const allowed = [schema.type].flat();
    if (!allowed.includes(actual as never) && !(actual === "integer" && allowed.includes("number")))
      return [`${at}: ${actual}, expected ${allowed.join("|")}`];
  }
  if (schema.const !== undefined && value !== schema.const)
    problems.push(`${at}: ${JSON.stringify(value)} is not ${schema.const}`);
  if (schema.enum && !schema.enum.includes(value as string))
    problems.push(`${at}: ${JSON.stringify(value)} not in ${schema.enum.join(",")}`);
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: ${value} < ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at}: ${value} > ${schema.maximum}`);
  }
  if (actual === "array" && schema.items)
    (value as unknown[]).forEach((item, index) =>
      problems.push(...problemsWith(item, schema.items!, `${at}[${index}]`)),
    );
  if (actual === "object") {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key}: missing`);
    for (const [key, child] of Object.entries(record)) {
      const described = schema.properties?.[key];
      if (described) problems.push(...problemsWith(child, described, `${at}.${key}`));
      else if (typeof schema.additionalProperties === "object")
        problems.push(...problemsWith(child, schema.additionalProperties, `${at}.${key}`));
      else if (schema.properties) problems.push(`${at}.${key}: not in the document`);
    }
  }
  return problems;
}

/** The schema a documented operation promises for a status code. */
export function responseSchema(template: string, status: "200" | "400" | "404" | "429" | "503"): SchemaObject {
  let response = openApiDocument.paths[template]?.get.responses[status] as
    | { $ref?: string; content?: Record<string, { schema: SchemaObject }> }
    | undefined;
  if (response?.$ref)
    response = openApiDocument.components.responses[response.$ref.replace("#/components/responses/", "")];
  const schema = response?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`${template} documents no ${status} JSON response`);
  return schema;
}

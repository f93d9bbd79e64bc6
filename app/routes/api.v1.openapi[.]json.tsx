import { json } from "@remix-run/node";
import { openApiDocument } from "~/api/openapi";

// CORS is open so browser tools (Swagger UI, Postman web) on other origins can load it.
export const loader = () =>
  json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } });

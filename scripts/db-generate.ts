import fs from "node:fs";
import { derivePostgresSchema } from "./postgres-schema";
import { runPrisma } from "./prisma-cli";

export function writePostgresSchema(): void {
  const derived = derivePostgresSchema(fs.readFileSync("prisma/schema.prisma", "utf8"));
  fs.mkdirSync("prisma/postgresql", { recursive: true });
  fs.writeFileSync("prisma/postgresql/schema.prisma", derived);
}

writePostgresSchema();
runPrisma(["generate"], { env: { DATABASE_URL: "" } });
runPrisma(["generate"], { env: { DATABASE_URL: "postgresql://generate@localhost/generate" } });

// Applies pending migrations to the database DATABASE_URL names (or the
// embedded SQLite file when it is unset).
import { runPrisma } from "./prisma-cli";

export function migrateDatabase(databaseUrl = process.env.DATABASE_URL ?? ""): void {
  runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: databaseUrl }, capture: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrateDatabase();
}

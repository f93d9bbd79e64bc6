// Demo data: fictional Hanoi organisations, one account per role, the shared
// taxonomy and the city's list of major problems (two published versions).
// Each part is seeded only when its tables are empty, so `npm start` on an
// existing database adds what newer releases brought without touching the rest.
import "./seed-env";
import { db } from "~/db.server";
import { resolveDatabaseTarget } from "~/db-url";
import { env } from "~/env.server";
import { addItem, createList, publishVersion, updateItem } from "~/models/major-problem.server";
import { COMMAND_LINE_IMPORT_EMAIL } from "~/models/import.server";
import { enqueueFullReindex } from "~/models/search-index.server";
import { hashPassword } from "~/utils/password.server";
import { toSlug } from "~/utils/slug.server";
import { logger } from "~/utils/logger.server";
import { seedOrganisations, seedUsers } from "./seed-data";
import { seedOffers } from "./seed-offers";
import {
  seedAmendment,
  seedFirstChangelog,
  seedMajorProblemList,
  seedMajorProblems,
  type SeedMajorProblem,
} from "./seed-major-problems";
import { seedTerms } from "./seed-taxonomy";
import { DEFAULT_SYNONYM_GROUPS } from "../search/synonyms.ts";

export const DEMO_PASSWORD = "SanCongNghe@2026";

async function seedPeople(): Promise<boolean> {
  // The command-line import's own account (an import into a fresh database)
  // is not a person: demo people are still seeded beside it.
  if ((await db.user.count({ where: { email: { not: COMMAND_LINE_IMPORT_EMAIL } } })) > 0) return false;
  // One hash for every demo account: argon2 is slow on purpose and the
  // password is the same anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff = seedUsers.find((u) => u.role === "STAFF");
  await db.$transaction(
    async (tx) => {
      const userIds = new Map<string, string>();
      for (const user of seedUsers) {
        const created = await tx.user.create({
          data: { email: user.email, name: user.name, role: user.role, passwordHash },
        });
        userIds.set(user.key, created.id);
      }
      for (const organisation of seedOrganisations) {
        const { key, verified, ...data } = organisation;
        const created = await tx.organisation.create({
          data: {
            ...data,
            slug: toSlug(data.name),
            verifiedAt: verified ? new Date() : null,
            verifiedById: verified && staff ? userIds.get(staff.key) : null,
          },
        });
        for (const user of seedUsers) {
          for (const membership of user.memberships.filter((m) => m.organisation === key)) {
            await tx.membership.create({
              data: { userId: userIds.get(user.key)!, organisationId: created.id, role: membership.role },
            });
          }
        }
      }
    },
    { timeout: 60_000 },
  );
  return true;
}

async function seedTaxonomy(): Promise<boolean> {
  if ((await db.taxonomyTerm.count()) > 0) return false;
  await db.taxonomyTerm.createMany({
    data: seedTerms.map((term, index) => ({ ...term, sortOrder: index })),
  });
  return true;
}

async function seedCityList(): Promise<boolean> {
  if ((await db.majorProblemList.count()) > 0) return false;
  const curator = await db.user.findFirst({ where: { role: "STAFF" }, orderBy: { createdAt: "asc" } });
  if (!curator) return false;
  const sectors = new Map((await db.taxonomyTerm.findMany({ where: { kind: "SECTOR" } })).map((s) => [s.slug, s.id]));
  const itemInput = (p: SeedMajorProblem) => ({
    code: p.code,
    title: p.title,
    description: p.description,
    sectorId: sectors.get(p.sector) ?? null,
    leadAgency: p.leadAgency,
    priority: p.priority,
    status: "OPEN" as const,
    titleEn: p.titleEn,
    summaryEn: p.summaryEn,
  });
  const list = await createList(curator.id, {
    ...seedMajorProblemList,
    decisionDate: new Date(`${seedMajorProblemList.decisionDate}T00:00:00+07:00`),
  });
  for (const problem of seedMajorProblems) await addItem(curator.id, list.id, itemInput(problem));
  await publishVersion(curator.id, list.id, seedFirstChangelog);

  for (const problem of seedAmendment.add) await addItem(curator.id, list.id, itemInput(problem));
  for (const { code, title } of seedAmendment.retitle) {
    const item = await db.majorProblem.findUniqueOrThrow({ where: { listId_code: { listId: list.id, code } } });
    await updateItem(curator.id, list.id, item.id, { ...item, title, deadline: undefined });
  }
  await publishVersion(curator.id, list.id, seedAmendment.changelog);
  // A few problems get an owner and deadline so the 6 rõ tracking page has
  // something to show: one already overdue, two still running.
  const hanoiDay = (days: number) =>
    new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  const tracked = await db.majorProblem.findMany({
    where: { listId: list.id },
    orderBy: { sortOrder: "asc" },
    take: 3,
  });
  for (const [index, item] of tracked.entries()) {
    await updateItem(curator.id, list.id, item.id, {
      ...item,
      ownerId: curator.id,
      deadline: hanoiDay([-30, 90, 365][index]!),
    });
  }
  return true;
}

// Published offers, some with priced packages for the digital market; two
// were last updated over six months ago, so the stale notice shows.
async function seedOfferListings(): Promise<boolean> {
  if ((await db.offer.count()) > 0) return false;
  const organisations = new Map(
    (await db.organisation.findMany({ select: { id: true, name: true } })).map((o) => [o.name, o.id]),
  );
  const byKey = new Map(seedOrganisations.map((o) => [o.key, organisations.get(o.name)]));
  const terms = new Map((await db.taxonomyTerm.findMany()).map((t) => [`${t.kind}:${t.slug}`, t.id]));
  const month = 30 * 24 * 60 * 60 * 1000;
  for (const offer of seedOffers) {
    const organisationId = byKey.get(offer.organisation);
    if (!organisationId) continue;
    const {
      organisation: _key,
      sectors,
      technologies,
      businessNeeds,
      packages,
      references,
      monthsSinceUpdate,
      ...fields
    } = offer;
    const updated = new Date(Date.now() - monthsSinceUpdate * month);
    const termIds = [
      ...sectors.map((s) => terms.get(`SECTOR:${s}`)),
      ...technologies.map((s) => terms.get(`TECHNOLOGY:${s}`)),
      ...businessNeeds.map((s) => terms.get(`BUSINESS_NEED:${s}`)),
    ].filter((id): id is string => Boolean(id));
    await db.offer.create({
      data: {
        ...fields,
        organisationId,
        slug: toSlug(offer.titleVi),
        status: "PUBLISHED",
        publishedAt: updated,
        submittedAt: updated,
        contentUpdatedAt: updated,
        createdAt: updated,
        terms: { create: [...new Set(termIds)].map((termId) => ({ termId })) },
        packages: {
          create: packages.map((p, i) => ({
            ...p,
            priceVnd: p.priceVnd === null ? null : BigInt(p.priceVnd),
            sortOrder: i,
          })),
        },
        references: { create: references.map((r, i) => ({ ...r, sortOrder: i })) },
      },
    });
  }
  return true;
}

async function seedSynonyms(): Promise<boolean> {
  if ((await db.searchSynonymGroup.count()) > 0) return false;
  await db.searchSynonymGroup.createMany({
    data: DEFAULT_SYNONYM_GROUPS.map((group) => ({ terms: group.join("\n") })),
  });
  return true;
}

export async function seedDemoData() {
  // Seeding is a few hundred small transactions through the models; on SQLite
  // each would wait for two fsyncs (about 6 s of a fresh `npm start`). The
  // seed fills a new demo database once, so on its own connection it trades
  // durability against a power cut mid-seed (then delete the file and start
  // again) for speed; the server keeps SQLite's safe default.
  if (resolveDatabaseTarget(env.DATABASE_URL).provider !== "postgresql")
    await db.$queryRawUnsafe("PRAGMA synchronous = OFF");
  const seeded = {
    people: await seedPeople(),
    taxonomy: await seedTaxonomy(),
    cityList: await seedCityList(),
    offers: await seedOfferListings(),
    synonyms: await seedSynonyms(),
  };
  // Last: the market is made of the people, offers and list seeded above.
  // Loaded only when there is something to seed: the models it drives (and
  // the Stripe library) take a second to load, which a restart need not pay.
  const market =
    (await db.problemStatement.count()) === 0 || (await db.order.count()) === 0
      ? await (await import("./seed-market")).seedMarket()
      : { statements: false, matches: false, orders: false };
  // Seeding writes straight to the tables; the server rebuilds the search
  // index from them on its next poll.
  if (Object.values(seeded).some(Boolean) || Object.values(market).some(Boolean)) await enqueueFullReindex();
  return { ...seeded, market };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  logger.info({ seeded: await seedDemoData() }, "demo data");
  await db.$disconnect();
}

// Demo data: fictional Hanoi organisations and one account per role.
// `npm run db:seed` seeds an empty database; it refuses to touch one that has users.
import { db } from "~/db.server";
import { hashPassword } from "~/models/password.server";
import { logger } from "~/utils/logger.server";
import { seedOrganisations, seedUsers } from "./seed-data";

export const DEMO_PASSWORD = "SanCongNghe@2026";

export async function seedDemoData(): Promise<{ organisations: number; users: number } | null> {
  if ((await db.user.count()) > 0) return null;
  // One hash for every demo account: argon2 is slow on purpose and the
  // password is the same anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff = seedUsers.find((u) => u.role === "STAFF");

  await db.$transaction(async (tx) => {
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
  }, { timeout: 60_000 });
  return { organisations: seedOrganisations.length, users: seedUsers.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await seedDemoData();
  logger.info(result ? { seeded: result } : "database already has users; seed skipped");
  await db.$disconnect();
}

// patches/@prisma+client+6.19.3.patch keeps compiled query plans by the
// request's JSON, and patches/@prisma+adapter-better-sqlite3+6.19.3.patch
// keeps prepared statements by their SQL. Both keep how to ask, never what
// was answered: the same query asked again must see every write in between,
// each caller must get its own rows, and a transaction that rolls back must
// leave nothing behind. Runs on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser } from "~/test-support/factories";

describe("kept query plans and statements", () => {
  it("answer a repeated query from the current rows, not from an earlier answer", async () => {
    const user = await makeUser({ name: "Nguyễn Văn Một" });
    const ask = () =>
      db.user.findUnique({ where: { id: user.id }, select: { name: true, memberships: { select: { id: true } } } });

    const first = await ask();
    expect(first?.name).toBe("Nguyễn Văn Một");
    await db.user.update({ where: { id: user.id }, data: { name: "Trần Thị Hai" } });
    // The identical request again: same plan, same SQL, new rows.
    expect((await ask())?.name).toBe("Trần Thị Hai");

    // Changing what one caller got changes nothing for the next.
    const mine = await ask();
    mine!.name = "changed by a caller";
    mine!.memberships.push({ id: "not-a-row" });
    expect(await ask()).toEqual({ name: "Trần Thị Hai", memberships: [] });
  });

  it("keep values apart: the same query shape with other values finds other rows", async () => {
    const [a, b] = [await makeUser({ name: "Người A" }), await makeUser({ name: "Người B" })];
    for (let round = 0; round < 3; round += 1) {
      const found = await Promise.all([a, b].map((u) => db.user.findUnique({ where: { id: u.id } })));
      expect(found.map((u) => u?.name)).toEqual(["Người A", "Người B"]);
    }
    // Batched lookups (Prisma groups findUnique calls of one tick) too.
    const counts = await Promise.all([a, b, a].map((u) => db.notification.count({ where: { userId: u.id } })));
    expect(counts).toEqual([0, 0, 0]);
  });

  it("leave nothing behind from a transaction that rolled back, asked the same way again", async () => {
    const user = await makeUser({ name: "Lê Văn Ba" });
    const rename = (name: string) => db.user.update({ where: { id: user.id }, data: { name } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "Tạm thời" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await db.user.findUnique({ where: { id: user.id } }))?.name).toBe("Lê Văn Ba");
    await rename("Tạm thời");
    expect((await db.user.findUnique({ where: { id: user.id } }))?.name).toBe("Tạm thời");
  });
});

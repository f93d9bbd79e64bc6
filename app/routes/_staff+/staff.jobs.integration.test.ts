// Staff see each periodic job's latest run on /staff: its status, when,
// and which process ran it, with the error of a failed run.
import { expect, it } from "vitest";
import { Scheduler } from "~/models/scheduler.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";

const server = startTestServer();

it("shows the latest run of each periodic job, failed ones with their error", async () => {
  const scheduler = new Scheduler(
    [
      { name: "mail-outbox", schedule: { everyMs: 60_000 }, run: async () => undefined },
      {
        name: "daily-digest",
        schedule: { everyMs: 60_000 },
        run: async () => {
          throw new Error("máy chủ thư không trả lời");
        },
      },
    ],
    { holder: "app-2:4242:abc123" },
  );
  await scheduler.tick();
  await scheduler.stop();

  const staff = await server.signedIn(await makeUser({ role: "STAFF" }));
  const text = visibleText((await staff.get("/staff")).text);
  expect(text).toContain("Việc định kỳ");
  expect(text).toMatch(/daily-digest Lỗi .* app-2:4242:abc123 máy chủ thư không trả lời/);
  expect(text).toMatch(/mail-outbox Xong .* app-2:4242:abc123/);

  const english = visibleText((await staff.get("/staff?lng=en")).text);
  expect(english).toMatch(/daily-digest Failed .* app-2:4242:abc123/);

  const outsider = await server.signedIn(await makeUser());
  expect((await outsider.get("/staff")).status).not.toBe(200);
});

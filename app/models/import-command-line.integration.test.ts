// `npm run import` into a brand-new database (no users at all): the problems
// must reach the public, published as a version of their list by the
// import's own account, which the audit log names plainly. An --actor that
// does not exist stops the import before anything is written.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";
import { COMMAND_LINE_IMPORT_EMAIL } from "./import.server";

const server = startTestServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hte-import-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const problemsFile = path.join(dir, "problems.csv");
fs.writeFileSync(
  problemsFile,
  [
    "code,title,description,sector,leadAgency,priority",
    'P01,Giảm ùn tắc tại các nút giao trung tâm,"Dòng phương tiện dồn ứ tại Ngã Tư Sở, Kim Liên vào giờ cao điểm; cần điều khiển đèn tín hiệu thích ứng.",Giao thông,Sở Xây dựng Hà Nội,HIGH',
    'P02,Cảnh báo ngập úng nội đô,"Mưa lớn gây ngập nhiều tuyến phố; cần cảm biến mực nước và cảnh báo sớm.",Cấp thoát nước,Sở Xây dựng Hà Nội,MEDIUM',
  ].join("\n"),
);
const offersFile = path.join(dir, "offers.jsonl");
fs.writeFileSync(
  offersFile,
  JSON.stringify({
    externalId: "cli-1",
    provider: "Công ty Đèn Xanh",
    title: "Điều khiển đèn tín hiệu giao thông thích ứng",
    description: "Bộ điều khiển đèn tín hiệu thích ứng theo lưu lượng từ camera, giảm ùn tắc tại nút giao.",
  }) + "\n",
);

function runImport(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
    env: { ...process.env, LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run starts a tsx process that checks for pending migrations first: seconds each, more when CI is loaded.
describe("npm run import on a database with no users", { timeout: 120_000 }, () => {
  it("refuses an --actor that does not exist, with exit code 2 and nothing imported", async () => {
    expect(await db.user.count()).toBe(0);
    const run = runImport(["--problems", problemsFile, "--actor", "khong-co@example.vn"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Không có tài khoản khong-co@example.vn");
    expect(await db.majorProblem.count()).toBe(0);
    expect(await db.user.count()).toBe(0);
  });

  it("publishes the imported list as its own account, so the public API answers the problems", async () => {
    expect(await db.user.count()).toBe(0);
    const run = runImport(["--offers", offersFile, "--problems", problemsFile, "--list", "Danh mục nhập dòng lệnh"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Nhập dữ liệu (dòng lệnh)");
    expect(run.stdout).toContain("danh mục ban hành phiên bản 1");

    const list = await fetch(`${server.baseUrl}/api/v1/major-problems`);
    expect(list.status).toBe(200);
    const page = (await list.json()) as { total: number; items: { code: string; title: string }[] };
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.code)).toEqual(["P01", "P02"]);

    const matches = await fetch(`${server.baseUrl}/api/v1/major-problems/P01/matches`);
    expect(matches.status).toBe(200);
    expect(((await matches.json()) as { problem: { code: string } }).problem.code).toBe("P01");

    // The version and every audit entry name the import's account, which cannot sign in.
    const version = await db.majorProblemListVersion.findFirstOrThrow({ include: { publishedBy: true } });
    expect(version.publishedBy?.email).toBe(COMMAND_LINE_IMPORT_EMAIL);
    const browser = server.browser();
    const signIn = await browser.post("/login", {
      email: COMMAND_LINE_IMPORT_EMAIL,
      password: "!system-account:no-sign-in",
    });
    expect(signIn.status).not.toBe(302);
  });

  it("shows the import plainly in the staff audit log", async () => {
    const staff = await makeUser({ role: "STAFF" });
    const browser = await server.signedIn(staff);
    const page = await browser.get("/staff/audit?entity=MajorProblemList");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain("major_problem_list.published");
    expect(text).toContain(`Nhập dữ liệu (dòng lệnh) / Import (command line) (${COMMAND_LINE_IMPORT_EMAIL})`);
  });

  it("a second import by the same account reuses it instead of making another", async () => {
    const run = runImport(["--problems", problemsFile, "--list", "Danh mục nhập dòng lệnh"]);
    expect(run.code).toBe(0);
    expect(await db.user.count({ where: { email: COMMAND_LINE_IMPORT_EMAIL } })).toBe(1);
  });
});

import { TZDate } from "@date-fns/tz";
import { addMonths } from "date-fns/addMonths";
import { db } from "~/db.server";
import { HANOI_TZ, trackProblems } from "./problem-tracking.server";

// The monthly report ("hằng tháng báo cáo"): what happened in one calendar
// month in Hanoi, and where every major problem stands.

export type ReportMonth = { key: string; start: Date; end: Date; previous: string; next: string };

const key = (date: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: HANOI_TZ, year: "numeric", month: "2-digit" }).format(date);

// "YYYY-MM" → the month's first instant in Hanoi and the next month's; null
// when the text is not a real month. No month at all means the current one.
export function parseReportMonth(value: string | null, now = new Date()): ReportMonth | null {
  const text = value?.trim() || key(now);
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return null;
  const start = new TZDate(year, month - 1, 1, HANOI_TZ);
  const end = addMonths(start, 1);
  return {
    key: text,
    start: new Date(start.getTime()),
    end: new Date(end.getTime()),
    previous: key(addMonths(start, -1)),
    next: key(end),
  };
}

export async function monthlyReport(month: ReportMonth, now = new Date()) {
  const inMonth = { gte: month.start, lt: month.end };
  // The standing at the month's end, or now for the current month.
  const at = new Date(Math.min(month.end.getTime() - 1, now.getTime()));
  const [offersPublished, statementsPublished, matchesApproved, introduced, pilots, deployments, tracking] =
    await Promise.all([
      db.offer.count({ where: { publishedAt: inMonth } }),
      db.problemStatement.count({ where: { publishedAt: inMonth } }),
      db.match.count({ where: { status: "APPROVED", decidedAt: inMonth } }),
      db.match.count({ where: { introducedAt: inMonth } }),
      db.match.count({ where: { pilotAt: inMonth } }),
      db.match.findMany({
        where: { deployedAt: inMonth, stage: "DEPLOYED" },
        orderBy: [{ deployedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          deployedAt: true,
          offer: {
            select: {
              slug: true,
              titleVi: true,
              titleEn: true,
              status: true,
              organisation: { select: { name: true } },
            },
          },
          majorProblem: { select: { code: true, title: true } },
          problemStatement: { select: { title: true, organisation: { select: { name: true } } } },
        },
      }),
      trackProblems({}, at, { asOf: at < now }),
    ]);
  return {
    figures: {
      offersPublished,
      statementsPublished,
      matchesApproved,
      introduced,
      pilots,
      deployments: deployments.length,
      overdueNow: tracking.filter((row) => row.overdue).length,
    },
    deployments: deployments.map((d) => ({
      id: d.id,
      deployedAt: d.deployedAt!,
      offer: {
        slug: d.offer.slug,
        titleVi: d.offer.titleVi,
        titleEn: d.offer.titleEn,
        published: d.offer.status === "PUBLISHED",
      },
      provider: d.offer.organisation.name,
      problem: d.majorProblem
        ? `${d.majorProblem.code} ${d.majorProblem.title}`
        : `${d.problemStatement?.title ?? ""} (${d.problemStatement?.organisation.name ?? ""})`,
    })),
    tracking,
    at,
  };
}

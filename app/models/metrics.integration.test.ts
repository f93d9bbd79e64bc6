// Every dashboard figure against a known history (see dashboard-factories.ts
// for the dates): Hanoi week and month boundaries, a week with no activity,
// medians, and the sector and agency filters.
import { beforeAll, describe, expect, it } from "vitest";
import { buildKnownHistory, type KnownHistory } from "~/test-support/dashboard-factories";
import { dashboardMetrics, metricRows, type Dashboard, type DashboardFilters } from "./metrics.server";
import { metrics, type MetricKey } from "./metrics-sources.server";

let h: KnownHistory;
beforeAll(async () => {
  h = await buildKnownHistory();
});

const weeks = (extra: Partial<DashboardFilters> = {}): DashboardFilters => ({
  from: "2026-02-23",
  to: "2026-03-22",
  granularity: "week",
  sector: null,
  agency: null,
  ...extra,
});

function figures(dashboard: Dashboard) {
  const out = {} as Record<MetricKey, { periods: (number | null)[]; total: number | null }>;
  for (const table of dashboard.tables) {
    table.columns.forEach((metric, i) => {
      out[metric] = { periods: table.rows.map((row) => row.values[i]!), total: table.totals[i]! };
    });
  }
  return out;
}

describe("weekly figures, no filter", () => {
  it("lists every Monday-start week in Hanoi time, the empty one included", async () => {
    const dashboard = await dashboardMetrics(weeks());
    expect(dashboard.periods.map((p) => p.key)).toEqual(["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16"]);
    // Monday 00:00 in Hanoi is Sunday 17:00 UTC.
    expect(dashboard.periods[1]!.start.toISOString()).toBe("2026-03-01T17:00:00.000Z");
  });

  it("counts every figure in the week it happened in Hanoi, with zeros for the quiet week", async () => {
    const f = figures(await dashboardMetrics(weeks()));
    const expected: Partial<Record<MetricKey, [(number | null)[], number | null]>> = {
      // O1 published Sunday 23:59:59 (W1); O2 created Monday 00:00:00 (W2).
      offersNew: [[1, 1, 0, 1], 3],
      offersPublished: [[1, 1, 0, 0], 2],
      orgsNew: [[2, 0, 0, 1], 3],
      orgsVerified: [[1, 0, 0, 0], 1],
      statementsPosted: [[0, 1, 0, 1], 2],
      statementsPublished: [[0, 1, 0, 1], 2],
      // The answer at Sunday 23:59:59 counts; the one a second later is outside the range.
      questionsAnswered: [[0, 1, 0, 1], 2],
      proposals: [[0, 1, 0, 1], 2],
      suggested: [[0, 2, 0, 0], 2],
      // M2 was shortlisted, put back and shortlisted again in W4: once.
      shortlisted: [[0, 1, 0, 1], 2],
      approved: [[0, 0, 0, 1], 1],
      introduced: [[0, 0, 0, 1], 1],
      pilot: [[0, 0, 0, 1], 1],
      procurement: [[0, 0, 0, 1], 1],
      deployed: [[0, 0, 0, 1], 1],
      ordersPaid: [[0, 1, 0, 1], 2],
      revenue: [[0, 1_000_000, 0, 2_500_000], 3_500_000],
      refunds: [[0, 0, 0, 400_000], 400_000],
      net: [[0, 1_000_000, 0, 2_100_000], 3_100_000],
      offerReview: [[1, 4, null, null], 2.5],
      statementReview: [[null, 1, null, 1.5], 1.3],
      offerFirstMatch: [[null, 3, null, null], 3],
      statementFirstMatch: [[null, 2, null, null], 2],
      matchToDeployment: [[null, null, null, 5], 5],
    };
    for (const [metric, [periods, total]] of Object.entries(expected)) {
      expect({ metric, ...f[metric as MetricKey] }).toEqual({ metric, periods, total });
    }
    expect(Object.keys(f).sort()).toEqual(Object.keys(expected).sort());
  });

  it("counts a match entering a stage once, in the range's first entry", async () => {
    const f = figures(await dashboardMetrics(weeks({ from: "2026-03-16", to: "2026-03-22" })));
    expect(f.shortlisted).toEqual({ periods: [1], total: 1 });
    expect(f.suggested).toEqual({ periods: [0], total: 0 });
  });
});

describe("monthly figures", () => {
  it("puts 23:59:59 on the last day of February in February and 00:00 on 1 March in March (Hanoi)", async () => {
    const dashboard = await dashboardMetrics(weeks({ from: "2026-02-01", to: "2026-03-31", granularity: "month" }));
    expect(dashboard.periods.map((p) => p.key)).toEqual(["2026-02-01", "2026-03-01"]);
    const f = figures(dashboard);
    expect(f.offersNew).toEqual({ periods: [1, 2], total: 3 });
    expect(f.orgsNew).toEqual({ periods: [1, 2], total: 3 });
    expect(f.offersPublished).toEqual({ periods: [0, 2], total: 2 });
    expect(f.questionsAnswered).toEqual({ periods: [0, 3], total: 3 });
    expect(f.revenue).toEqual({ periods: [0, 3_500_000], total: 3_500_000 });
  });
});

describe("filters", () => {
  it("narrows to a sector: offers by their sector, statements by their major problem's, matches by either side", async () => {
    const f = figures(await dashboardMetrics(weeks({ sector: { id: h.sectorA.id, slug: h.sectorA.slug } })));
    expect(f.offersNew).toEqual({ periods: [1, 0, 0, 1], total: 2 });
    expect(f.offersPublished).toEqual({ periods: [1, 0, 0, 0], total: 1 });
    expect(f.orgsNew).toEqual({ periods: [1, 0, 0, 0], total: 1 });
    expect(f.statementsPosted).toEqual({ periods: [0, 1, 0, 0], total: 1 });
    expect(f.questionsAnswered).toEqual({ periods: [0, 1, 0, 0], total: 1 });
    expect(f.proposals).toEqual({ periods: [0, 1, 0, 0], total: 1 });
    // M2's offer is in another sector, but its major problem is in this one.
    expect(f.suggested).toEqual({ periods: [0, 2, 0, 0], total: 2 });
    expect(f.shortlisted).toEqual({ periods: [0, 1, 0, 1], total: 2 });
    expect(f.net).toEqual({ periods: [0, 1_000_000, 0, -400_000], total: 600_000 });
    expect(f.offerReview).toEqual({ periods: [1, null, null, null], total: 1 });
    expect(f.offerFirstMatch).toEqual({ periods: [null, 4, null, null], total: 4 });
  });

  it("narrows to an agency's statements, questions, proposals, matches and orders, and leaves offers alone", async () => {
    const f = figures(await dashboardMetrics(weeks({ agency: { id: h.agencyA.id, name: h.agencyA.name } })));
    expect(f.offersNew).toEqual({ periods: [1, 1, 0, 1], total: 3 });
    expect(f.statementsPublished).toEqual({ periods: [0, 1, 0, 0], total: 1 });
    expect(f.questionsAnswered).toEqual({ periods: [0, 1, 0, 0], total: 1 });
    expect(f.proposals).toEqual({ periods: [0, 1, 0, 0], total: 1 });
    expect(f.suggested).toEqual({ periods: [0, 1, 0, 0], total: 1 });
    expect(f.shortlisted).toEqual({ periods: [0, 1, 0, 0], total: 1 });
    expect(f.deployed).toEqual({ periods: [0, 0, 0, 1], total: 1 });
    expect(f.ordersPaid).toEqual({ periods: [0, 1, 0, 0], total: 1 });
    expect(f.refunds).toEqual({ periods: [0, 0, 0, 400_000], total: 400_000 });
    expect(f.statementReview).toEqual({ periods: [null, 1, null, null], total: 1 });
  });
});

describe("the rows behind a figure", () => {
  it("lists exactly the records counted, for one period or the whole range", async () => {
    const week1 = await metricRows(weeks(), "orgsNew", "2026-02-23");
    expect(week1!.rows.map((r) => r.title).sort()).toEqual(["Công ty P", "Sở A"]);
    expect(week1!.figure).toBe(2);
    const quiet = await metricRows(weeks(), "offersNew", "2026-03-09");
    expect(quiet).toMatchObject({ total: 0, figure: 0, rows: [] });
    const shortlisted = await metricRows(weeks(), "shortlisted", null);
    expect(shortlisted!.rows.map((r) => r.href).sort()).toEqual(
      [`/staff/matches/major/${h.major.id}`, `/staff/matches/statement/${h.s1.id}`].sort(),
    );
    const net = await metricRows(weeks(), "net", "2026-03-16");
    expect(net!.rows.map((r) => r.value!).sort((a, b) => a - b)).toEqual([-400_000, 2_500_000]);
    expect(net!.figure).toBe(2_100_000);
    expect(await metricRows(weeks(), "offersNew", "2026-01-05")).toBeNull();
  });
});

describe("figures grouped in the database", () => {
  // The busiest metrics are grouped by period in SQL (metrics-sql.server.ts)
  // while their lists still come from the rows: both must give the figure
  // the rows give, per period and in total, whatever the filters.
  const grouped = (Object.keys(metrics) as MetricKey[]).filter((metric) => metrics[metric].grouped);
  const cases: [string, () => DashboardFilters][] = [
    ["weeks", () => weeks()],
    ["months", () => weeks({ from: "2026-02-01", to: "2026-03-31", granularity: "month" })],
    ["a sector", () => weeks({ sector: { id: h.sectorA.id, slug: h.sectorA.slug } })],
    ["an agency", () => weeks({ agency: { id: h.agencyA.id, name: h.agencyA.name } })],
    ["a range starting mid-week", () => weeks({ from: "2026-03-04", to: "2026-03-19" })],
  ];
  it.each(cases)("agree with the rows behind them for %s", async (_, filters) => {
    expect(grouped).toEqual(
      expect.arrayContaining([
        "offersNew",
        "offersPublished",
        "offerReview",
        "offerFirstMatch",
        "statementFirstMatch",
        "suggested",
        "shortlisted",
        "approved",
      ]),
    );
    const f = figures(await dashboardMetrics(filters()));
    const dashboard = await dashboardMetrics(filters());
    for (const metric of grouped) {
      const fromRows = await Promise.all(
        dashboard.periods.map(async (period) => (await metricRows(filters(), metric, period.key))!.figure),
      );
      const total = (await metricRows(filters(), metric, null))!.figure;
      expect({ metric, ...f[metric] }).toEqual({ metric, periods: fromRows, total });
    }
  });
});

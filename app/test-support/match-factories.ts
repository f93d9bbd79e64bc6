import { db } from "~/db.server";
import type { MatchTarget } from "~/models/curation-board.server";
import { makeUser } from "./factories";
import type { startTestServer, TestBrowser } from "./http";
import { makeAgency, makeProvider } from "./statement-factories";

type CardOptions = {
  status?: "SUGGESTED" | "SHORTLISTED" | "APPROVED" | "REJECTED";
  stage?: "INTRODUCED" | "PILOT" | "PROCUREMENT" | "DEPLOYED" | "DROPPED";
  score?: number;
};

// A card straight in the table, as the ranking (or earlier moves) would have left it.
export async function makeMatch(target: MatchTarget, offerId: string, options: CardOptions = {}) {
  return db.match.create({
    data: {
      ...("statementId" in target
        ? { problemStatementId: target.statementId }
        : { majorProblemId: target.majorProblemId }),
      offerId,
      status: options.status ?? "SUGGESTED",
      score: options.score ?? 0.5,
      reasons: JSON.stringify([{ kind: "terms", terms: ["đèn tín hiệu"] }]),
      rejectReason: options.status === "REJECTED" ? "OUT_OF_SCOPE" : null,
      stage: options.stage ?? null,
      introducedAt: options.stage ? new Date("2026-01-05T00:00:00+07:00") : null,
    },
  });
}

export const cardRef = (card: { id: string; version: number }) => `${card.id}:${card.version}`;

export const boardPath = (target: MatchTarget) =>
  "statementId" in target
    ? `/staff/matches/statement/${target.statementId}`
    : `/staff/matches/major/${target.majorProblemId}`;

export async function reloadMatch(id: string) {
  return db.match.findUniqueOrThrow({ where: { id } });
}

// TestBrowser.post takes one value per name; the bulk form sends `match` once per ticked card.
export async function postPairs(baseUrl: string, browser: TestBrowser, pathname: string, pairs: [string, string][]) {
  const response = await fetch(baseUrl + pathname, {
    method: "POST",
    body: new URLSearchParams(pairs),
    redirect: "manual",
    headers: { cookie: browser.cookieHeader(), origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

// The people and organisations the curation-board suites share: a curator
// signed in, a staff colleague to assign cards to, and a provider and an
// agency whose offers and statements go on the boards.
export async function makeBoardCast(server: Pick<ReturnType<typeof startTestServer>, "signedIn">) {
  const curator = await makeUser({ role: "STAFF", name: "Cán bộ Duyệt" });
  const colleague = await makeUser({ role: "STAFF", name: "Cán bộ Đồng nghiệp" });
  const providerOwner = await makeUser({ name: "Chủ Công ty" });
  const agencyOwner = await makeUser({ name: "Chủ Sở" });
  return {
    staffId: curator.id,
    colleague,
    providerOwner,
    agencyOwnerId: agencyOwner.id,
    providerOrg: await makeProvider(providerOwner.id, "Công ty Tín Hiệu Sông Hồng"),
    agencyOrg: await makeAgency(agencyOwner.id, "Sở Giao thông Thử nghiệm"),
    staff: await server.signedIn(curator),
  };
}

// The HTML of one card: from its <li> to the next card or the end of its column.
export function cardHtml(html: string, title: string) {
  const start = html.lastIndexOf('<li class="card match-card"', html.indexOf(title));
  const ends = [html.indexOf('<li class="card match-card"', start + 1), html.indexOf("</section>", start)].filter(
    (i) => i > start,
  );
  return html.slice(start, Math.min(...ends));
}

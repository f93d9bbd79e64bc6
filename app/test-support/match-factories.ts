import { db } from "~/db.server";
import type { MatchTarget } from "~/models/curation-board.server";
import type { TestBrowser } from "./http";

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

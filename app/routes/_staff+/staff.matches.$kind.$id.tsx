import { parseWithZod } from "@conform-to/zod";
import { metaT, withSiteName } from "~/i18n/meta";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CurationBoard, CurationList } from "~/components/curation/board";
import type { CardError } from "~/components/curation/card";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import {
  WEAK_SUGGESTION_SCORE,
  addMatchNote,
  advanceStage,
  assignMatch,
  findTarget,
  listStaffUsers,
  loadBoard,
  moveMatches,
  refreshSuggestions,
  type MoveFailure,
  type StageFailure,
} from "~/models/curation-board.server";
import { flash } from "~/models/session.server";
import { assignSchema, moveSchema, noteSchema, stageSchema } from "~/schemas/curation";
import { todayInHanoi } from "~/schemas/problem-statement";
import { formatDate } from "~/utils/format";
import { notFound, requireStaff } from "~/utils/permissions.server";
import curationCss from "~/styles/curation.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: curationCss }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: withSiteName(t, data?.target.title ?? t("curation.title")) }];
};

async function target(params: LoaderFunctionArgs["params"]) {
  const found = await findTarget(params.kind ?? "", params.id ?? "");
  if (!found) throw notFound();
  return found;
}

// The board (columns of cards) or the list (rows with checkboxes and bulk actions).
const viewOf = (request: Request) => (new URL(request.url).searchParams.get("view") === "list" ? "list" : "board");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const info = await target(params);
  const [cards, staff] = await Promise.all([loadBoard(info.target), listStaffUsers()]);
  return json({
    target: info,
    cards,
    staff,
    today: todayInHanoi(),
    view: viewOf(request),
    weakBelow: WEAK_SUGGESTION_SCORE,
  });
}

// Keys built from enum values cannot be checked at compile time.
type Translate = (key: string, params?: Record<string, string>) => string;

// A refused move or stage change as the board shows it: which card, the
// message, and what was typed so the form keeps it.
function refusal(
  t: Translate,
  language: Language,
  failure: MoveFailure | StageFailure,
  values: Record<string, string>,
  matchId?: string,
) {
  const status = (s: string) => t(`curation.status.${s}`);
  const stage = (s: string) => t(`curation.stage.${s}`);
  const [message, params, code]: [string, Record<string, string>, number] =
    failure.error === "conflict"
      ? ["curation.errors.conflict", {}, 409]
      : failure.error === "not-found"
      ? ["curation.errors.notFound", {}, 404]
      : failure.error === "invalid-transition"
      ? ["curation.errors.invalidTransition", { from: status(failure.from), to: status(failure.to) }, 400]
      : failure.error === "stage-locked"
      ? ["curation.errors.stageLocked", {}, 400]
      : failure.error === "approve-first"
      ? ["curation.errors.approveFirst", {}, 400]
      : failure.error === "stage-order" && failure.from === null
      ? ["curation.errors.introduceFirst", {}, 400]
      : failure.error === "stage-order"
      ? ["curation.errors.stageOrder", { from: stage(failure.from!), to: stage(failure.to) }, 400]
      : ["curation.errors.beforePrevious", { date: formatDate(failure.previous, language) }, 400];
  const error: CardError = { matchId: "matchId" in failure ? failure.matchId : matchId, message, params, values };
  return json({ error }, { status: code });
}

function invalid(message: string | undefined, values: Record<string, string>, matchId?: string) {
  const error: CardError = { matchId, message: message ?? "validation.invalidChoice", values };
  return json({ error }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const info = await target(params);
  // After a move from the list, staff land back on the list.
  const here = `/staff/matches/${info.kind}/${info.id}${viewOf(request) === "list" ? "?view=list" : ""}`;
  const t = (await i18next.getFixedT(request)) as unknown as Translate;
  const formData = await request.formData();
  const values = Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const language = (await i18next.getLocale(request)) as Language;
  // A card's own forms name their card; the bulk form speaks for itself, so its errors show beside it.
  const refs = formData.getAll("match").map(String);
  const cardId = formData.get("source") === "bulk" ? undefined : refs[0]?.split(":")[0];
  const firstError = (error: Record<string, string[] | null> | null | undefined) =>
    Object.values(error ?? {})
      .flat()
      .find(Boolean) ?? undefined;

  switch (formData.get("intent")) {
    case "refresh": {
      const { created } = await refreshSuggestions(staff.id, info.target);
      // Flash parameters are strings, which i18next cannot pluralise: the key carries the number.
      return flash(request, here, {
        key: created === 1 ? "curation.refreshedOne" : "curation.refreshedMany",
        params: { count: String(created) },
      });
    }
    case "move": {
      const submission = parseWithZod(formData, { schema: moveSchema });
      if (submission.status !== "success") return invalid(firstError(submission.error), values, cardId);
      const { match, to, rejectReason, note } = submission.value;
      const outcome = await moveMatches(staff.id, info.target, match, to, { rejectReason, note });
      if (!outcome.ok) return refusal(t, language, outcome, values, cardId);
      return flash(request, here, {
        key: outcome.count === 1 ? "curation.done.movedOne" : "curation.done.movedMany",
        params: { count: String(outcome.count), status: t(`curation.status.${to}`) },
      });
    }
    case "note": {
      const submission = parseWithZod(formData, { schema: noteSchema });
      if (submission.status !== "success") return invalid(firstError(submission.error), values, values.matchId);
      if ((await addMatchNote(staff.id, info.target, submission.value.matchId, submission.value.body)) === "not-found")
        throw notFound();
      return flash(request, here, { key: "curation.done.noted" });
    }
    case "assign": {
      const submission = parseWithZod(formData, { schema: assignSchema });
      if (submission.status !== "success") return invalid(firstError(submission.error), values, values.matchId);
      const outcome = await assignMatch(
        staff.id,
        info.target,
        submission.value.matchId,
        submission.value.assigneeId || null,
      );
      if (outcome === "not-found") throw notFound();
      if (outcome === "not-staff") return invalid("curation.errors.notStaff", values, submission.value.matchId);
      return flash(request, here, { key: "curation.done.assigned" });
    }
    case "stage": {
      const submission = parseWithZod(formData, { schema: stageSchema });
      if (submission.status !== "success") return invalid(firstError(submission.error), values, cardId);
      const { match, stage, date, dropReason } = submission.value;
      const outcome = await advanceStage(staff.id, info.target, match.matchId, match.expectedVersion, {
        stage,
        date,
        dropReason,
      });
      if (!outcome.ok) return refusal(t, language, outcome, values, match.matchId);
      return flash(request, here, { key: "curation.done.staged", params: { stage: t(`curation.stage.${stage}`) } });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function CurationBoardPage() {
  const { t, i18n } = useTranslation();
  const { target: info, cards, staff, today, view, weakBelow } = useLoaderData<typeof loader>();
  const board = `/staff/matches/${info.kind}/${info.id}`;
  const actionData = useActionData<typeof action>();
  const error = actionData?.error ?? null;
  return (
    <div className="curation-page">
      <p>
        <Link to="/staff/matches">{t("curation.backToIndex")}</Link>
      </p>
      <h1>{info.title}</h1>
      <p className="lead">{info.agency}</p>
      {info.publicPath ? (
        <p>
          <Link to={info.publicPath}>{t("curation.publicPage")}</Link>
        </p>
      ) : null}
      <p className="hint">{t("curation.boardLead")}</p>
      {error ? (
        <div className="notice notice-error" role="alert">
          {(i18n.t as unknown as Translate)(error.message, error.params as Record<string, string> | undefined)}
        </div>
      ) : null}
      <div className="board-tools">
        <nav aria-label={t("curation.viewLabel")}>
          <ul className="view-switch">
            <li>
              {view === "board" ? (
                <span aria-current="page">{t("curation.viewBoard")}</span>
              ) : (
                <Link to={board}>{t("curation.viewBoard")}</Link>
              )}
            </li>
            <li>
              {view === "list" ? (
                <span aria-current="page">{t("curation.viewList")}</span>
              ) : (
                <Link to={`${board}?view=list`}>{t("curation.viewList")}</Link>
              )}
            </li>
          </ul>
        </nav>
        <Form method="post" action={view === "list" ? `${board}?view=list` : board}>
          <input type="hidden" name="intent" value="refresh" />
          <button type="submit" className="button button-secondary">
            {t("curation.refresh")}
          </button>
        </Form>
      </div>
      {view === "list" ? (
        <CurationList
          cards={cards}
          staff={staff}
          today={today}
          error={error}
          weakBelow={weakBelow}
          action={`${board}?view=list`}
        />
      ) : (
        <CurationBoard cards={cards} staff={staff} today={today} error={error} weakBelow={weakBelow} />
      )}
    </div>
  );
}

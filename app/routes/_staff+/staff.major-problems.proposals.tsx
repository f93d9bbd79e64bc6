import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatementProposals } from "~/components/statement-proposals";
import { listListsForStaff } from "~/models/major-problem.server";
import { decideProposal, listMajorProblemProposals } from "~/models/proposal.server";
import { flash } from "~/models/session.server";
import { decisionSchema } from "~/schemas/problem-statement";
import { notFound, requireStaff } from "~/utils/permissions.server";
import statementsCss from "~/styles/statements.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: statementsCss }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "statements.proposals.staffMajorTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const listId = new URL(request.url).searchParams.get("list") || undefined;
  const [lists, proposals] = await Promise.all([listListsForStaff(), listMajorProblemProposals(listId)]);
  // One group per major problem, in list then code order (the query's order).
  const groups: {
    key: string;
    code: string;
    title: string;
    listName: string;
    listSlug: string;
    proposals: typeof proposals;
  }[] = [];
  for (const p of proposals) {
    const problem = p.majorProblem!;
    const last = groups[groups.length - 1];
    if (last?.key === problem.id) last.proposals.push(p);
    else
      groups.push({
        key: problem.id,
        code: problem.code,
        title: problem.title,
        listName: problem.list.name,
        listSlug: problem.list.slug,
        proposals: [p],
      });
  }
  return json({ listId: listId ?? "", lists: lists.map((l) => ({ id: l.id, name: l.name })), groups });
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const here = url.pathname + url.search;
  const formData = await request.formData();
  if (formData.get("intent") !== "decide") throw new Response("Bad Request", { status: 400 });
  const submission = parseWithZod(formData, { schema: decisionSchema });
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {}).flat()[0] ?? "validation.invalidChoice";
    return json({ decisionError: { proposalId: String(formData.get("proposalId") ?? ""), message } }, { status: 400 });
  }
  const outcome = await decideProposal(staff.id, { majorProblems: true }, submission.value);
  if (outcome === "not-found") throw notFound();
  return flash(request, here, {
    key: outcome === "done" ? "statements.proposals.decided" : "statements.proposals.wrongStatus",
  });
}

export default function StaffMajorProblemProposals() {
  const { t } = useTranslation();
  const { listId, lists, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/staff/major-problems">{t("majorProblems.staffTitle")}</Link>
      </p>
      <h1>{t("statements.proposals.staffMajorTitle")}</h1>
      <p className="lead">{t("statements.proposals.staffMajorLead")}</p>
      <Form method="get" className="inline-form">
        <label htmlFor="list">{t("statements.proposals.filterList")}</label>
        <select id="list" name="list" defaultValue={listId}>
          <option value="">{t("statements.proposals.allLists")}</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary button-small">
          {t("statements.applyFilter")}
        </button>
      </Form>
      {groups.length === 0 ? (
        <p>{t("statements.proposals.none")}</p>
      ) : (
        groups.map((g) => (
          <section key={g.key}>
            <h2>
              <Link to={`/major-problems/${g.listSlug}/${g.code}`}>
                {g.code}: {g.title}
              </Link>
            </h2>
            <p className="hint">{g.listName}</p>
            <StatementProposals
              proposals={g.proposals}
              attachmentBase={`/major-problems/${g.listSlug}/${g.code}`}
              canDecide
              error={actionData?.decisionError ?? null}
            />
          </section>
        ))
      )}
    </>
  );
}

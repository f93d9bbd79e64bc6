import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MessagesLink } from "~/components/message-thread";
import { ProposalStatusTag } from "~/components/statement-proposals";
import type { Language } from "~/i18n/config";
import { threadCounts } from "~/models/message.server";
import { listProposalsForOrg, withdrawProposal } from "~/models/proposal.server";
import { flash } from "~/models/session.server";
import { formatDate } from "~/utils/format";
import { notFound, requireOrgMember } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "statements.proposals.mineTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireOrgMember(request, params.orgId);
  const proposals = await listProposalsForOrg(params.orgId!);
  return json({
    orgId: params.orgId!,
    proposals,
    messageCounts: await threadCounts(
      "proposal",
      proposals.map((p) => p.id),
      user.id,
    ),
  });
}

// The provider takes back a proposal the other side has not decided yet;
// the model checks membership and status and tells the other side.
export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireOrgMember(request, params.orgId);
  const formData = await request.formData();
  if (formData.get("intent") !== "withdraw") throw new Response("Bad Request", { status: 400 });
  const outcome = await withdrawProposal(user.id, params.orgId!, String(formData.get("proposalId") ?? ""));
  if (outcome === "not-found") throw notFound();
  return flash(request, `/orgs/${params.orgId}/proposals`, {
    key: outcome === "withdrawn" ? "statements.proposals.withdrawn" : "statements.proposals.alreadyDecided",
  });
}

type Row = SerializeFrom<typeof loader>["proposals"][number];

export default function OrgProposals() {
  const { t, i18n } = useTranslation();
  // A proposal answers either an agency's statement or one of the city's major problems.
  const targetOf = (p: Row) =>
    p.majorProblem
      ? {
          href: `/major-problems/${p.majorProblem.list.slug}/${p.majorProblem.code}`,
          title: `${p.majorProblem.code}: ${p.majorProblem.title}`,
          owner: t("statements.proposals.majorProblemIn", { list: p.majorProblem.list.name }),
        }
      : {
          href: `/problems/${p.problemStatement!.slug}`,
          title: p.problemStatement!.title,
          owner: p.problemStatement!.organisation.name,
        };
  const language = i18n.language as Language;
  const { orgId, proposals, messageCounts } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/orgs/${orgId}`}>{t("layout.myOrganisations")}</Link>
      </p>
      <h1>{t("statements.proposals.mineTitle")}</h1>
      <p className="lead">{t("statements.proposals.mineLead")}</p>
      {proposals.length === 0 ? (
        <p>{t("statements.proposals.mineNone")}</p>
      ) : (
        <TableRegion label={t("statements.proposals.mineTitle")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("statements.proposals.statement")}</th>
                <th scope="col">{t("statements.proposals.offer")}</th>
                <th scope="col">{t("statements.proposals.status")}</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => {
                const target = targetOf(p);
                return (
                  <tr key={p.id} id={`proposal-${p.id}`}>
                    <td>
                      <Link to={target.href}>{target.title}</Link>
                      <br />
                      <span className="hint">
                        {target.owner} ·{" "}
                        {t("statements.proposals.receivedOn", { date: formatDate(p.createdAt, language) })}
                      </span>
                    </td>
                    <td>
                      {language === "en" && p.offer.titleEn ? p.offer.titleEn : p.offer.titleVi}
                      {p.attachmentName ? (
                        <>
                          <br />
                          <a href={`${target.href}/proposals/${p.id}/attachment`}>
                            {t("statements.proposals.download", { name: p.attachmentName })}
                          </a>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <ProposalStatusTag status={p.status} />
                      {p.status === "RECEIVED" || p.status === "SHORTLISTED" ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="withdraw" />
                          <input type="hidden" name="proposalId" value={p.id} />
                          <button type="submit" className="button button-secondary button-small">
                            {t("statements.proposals.withdraw")}
                          </button>
                        </Form>
                      ) : null}
                      <br />
                      <MessagesLink to={`/proposals/${p.id}/messages`} count={messageCounts[p.id]} />
                      {p.declineReason ? (
                        <p>
                          {t("statements.proposals.reason")}:{" "}
                          {t(`statements.proposals.declineReasons.${p.declineReason}`)}
                          {p.declineNote ? ` — ${p.declineNote}` : ""}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

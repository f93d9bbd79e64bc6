import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MessageThread } from "~/components/message-thread";
import { ProposalStatusTag } from "~/components/statement-proposals";
import type { Language } from "~/i18n/config";
import { openThread, proposalForThread, threadAccess } from "~/models/message.server";
import { messageAction } from "~/route-actions/messages.server";
import { isStaff, notFound, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${data?.proposal.offer.titleVi ?? ""} — ${metaT(matches)("messages.title")}` },
];

// A proposal's private thread: the provider, the agency (or for a major
// problem its owner) and staff. Anyone else gets 404, as for a missing proposal.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = { id: user.id, isStaff: isStaff(user) };
  const ref = { kind: "proposal" as const, id: params.id ?? "" };
  const thread = await openThread(ref, viewer);
  const proposal = thread ? await proposalForThread(ref.id) : null;
  if (!thread || !proposal) throw notFound();
  const access = await threadAccess(ref, viewer);
  return json(
    { proposal, thread, providerSide: access?.authorOrganisationId === proposal.organisationId },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const path = `/proposals/${params.id ?? ""}/messages`;
  return messageAction(request, user, { kind: "proposal", id: params.id ?? "" }, path);
}

export default function ProposalMessages() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { proposal, thread, providerSide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const offerTitle = language === "en" && proposal.offer.titleEn ? proposal.offer.titleEn : proposal.offer.titleVi;
  const target = proposal.majorProblem
    ? {
        href: `/major-problems/${proposal.majorProblem.list.slug}/${proposal.majorProblem.code}`,
        title: `${proposal.majorProblem.code}: ${proposal.majorProblem.title}`,
      }
    : {
        href: `/problems/${proposal.problemStatement!.slug}`,
        title: `${proposal.problemStatement!.title} — ${proposal.problemStatement!.organisation.name}`,
      };
  return (
    <>
      {providerSide ? (
        <p>
          <Link to={`/orgs/${proposal.organisationId}/proposals`}>{t("messages.backToProposals")}</Link>
        </p>
      ) : null}
      <h1>{t("messages.proposalTitle", { offer: offerTitle })}</h1>
      <dl className="summary-list">
        <dt>{t("messages.proposalFor")}</dt>
        <dd>
          <Link to={target.href}>{target.title}</Link>
        </dd>
        <dt>{t("messages.provider")}</dt>
        <dd>{proposal.organisation.name}</dd>
        <dt>{t("messages.proposedOffer")}</dt>
        <dd>
          <Link to={`/offers/${proposal.offer.slug}`}>{offerTitle}</Link>
        </dd>
        <dt>{t("messages.status")}</dt>
        <dd>
          <ProposalStatusTag status={proposal.status} />
          {proposal.declineReason ? (
            <p>
              {t("statements.proposals.reason")}: {t(`statements.proposals.declineReasons.${proposal.declineReason}`)}
              {proposal.declineNote ? ` — ${proposal.declineNote}` : ""}
            </p>
          ) : null}
        </dd>
      </dl>
      <MessageThread thread={thread} action={`/proposals/${proposal.id}/messages`} actionData={actionData} />
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProposeForm } from "~/components/propose-form";
import { getStatementBySlug } from "~/models/problem-statement.server";
import { proposableOffers } from "~/models/proposal.server";
import { askingOrganisations } from "~/models/question.server";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { offerFromQuery, proposeAction } from "~/route-actions/propose.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${data?.statement.title ?? ""} — ${metaT(matches)("statements.proposals.majorProposeLink")}` },
];

// Only provider and research members propose, and only to a published statement.
async function load(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const statement = await getStatementBySlug(slug ?? "");
  if (!statement || (statement.status !== "PUBLISHED" && statement.status !== "CLOSED")) throw notFound();
  if ((await askingOrganisations(user.id)).length === 0) throw forbidden();
  const open =
    statement.status === "PUBLISHED" &&
    (!statement.proposalDeadline || statement.proposalDeadline.getTime() >= Date.now());
  return { user, statement, open };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, statement, open } = await load(request, params.slug);
  const offers = await proposableOffers(user.id);
  return json({
    statement: { slug: statement.slug, title: statement.title },
    open,
    offers,
    selected: offerFromQuery(request, offers),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, statement } = await load(request, params.slug);
  return proposeAction(request, user.id, { statementId: statement.id });
}

export default function Propose() {
  const { statement, open, offers, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <ProposeForm
      title={statement.title}
      open={open}
      offers={offers}
      defaultOfferId={selected}
      actionData={actionData}
      back={
        <p>
          <Link to={`/problems/${statement.slug}`}>{statement.title}</Link>
        </p>
      }
    />
  );
}

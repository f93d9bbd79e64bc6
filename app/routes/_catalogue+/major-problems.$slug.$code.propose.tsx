import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProposeForm } from "~/components/propose-form";
import { getPublishedProblem } from "~/models/major-problem.server";
import { isProposableMajorStatus, proposableOffers } from "~/models/proposal.server";
import { askingOrganisations } from "~/models/question.server";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { offerFromQuery, proposeAction } from "~/route-actions/propose.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: `${data?.problem.code ?? ""}: ${data?.problem.title ?? ""} — ${t(
        "statements.proposals.majorProposeLink",
      )}`,
    },
  ];
};

// Only provider and research members propose, and only to a problem that the
// latest published version of its list shows as open or in progress. Anything
// else is 404: a withdrawn or solved problem has no propose page at all.
async function load(request: Request, slug: string | undefined, code: string | undefined) {
  const user = await requireUser(request);
  const problem = await getPublishedProblem(slug ?? "", code ?? "");
  if (!problem || !isProposableMajorStatus(problem.item.status)) throw notFound();
  if ((await askingOrganisations(user.id)).length === 0) throw forbidden();
  return { user, problem };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, problem } = await load(request, params.slug, params.code);
  const offers = await proposableOffers(user.id);
  return json({
    list: { slug: problem.list.slug },
    problem: { code: problem.item.code, title: problem.item.title },
    offers,
    selected: offerFromQuery(request, offers),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, problem } = await load(request, params.slug, params.code);
  return proposeAction(request, user.id, { majorProblemId: problem.item.majorProblemId });
}

export default function ProposeToMajorProblem() {
  const { list, problem, offers, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const title = `${problem.code}: ${problem.title}`;
  return (
    <ProposeForm
      title={title}
      open
      offers={offers}
      defaultOfferId={selected}
      actionData={actionData}
      back={
        <p>
          <Link to={`/major-problems/${list.slug}/${problem.code}`}>{title}</Link>
        </p>
      }
    />
  );
}

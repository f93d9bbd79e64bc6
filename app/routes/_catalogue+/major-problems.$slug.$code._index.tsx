import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaLanguage, metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VietnameseOnlyNote, usePick } from "~/components/bilingual";
import type { Language } from "~/i18n/config";
import { pickText } from "~/utils/bilingual";
import { PublicMatchList } from "~/components/curation/public-matches";
import { getPublishedProblem } from "~/models/major-problem.server";
import {
  canFollowMajorProblems,
  isFollowingMajorProblem,
  setMajorProblemFollow,
} from "~/models/major-problem-follow.server";
import { approvedMatchesForPublic } from "~/models/curation-board.server";
import { majorProblemFacts } from "~/models/opportunities.server";
import { listPublicStatementsForMajorProblem } from "~/models/problem-statement.server";
import { isProposableMajorStatus } from "~/models/proposal.server";
import { flash } from "~/models/session.server";
import opportunitiesCss from "~/styles/opportunities.css";
import { formatDate } from "~/utils/format";
import { forbidden, getOptionalUser, notFound, requireUser } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: opportunitiesCss }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const language = metaLanguage(matches);
  return [
    {
      title: withSiteName(
        metaT(matches),
        `${data.item.code}: ${pickText(language, data.item.title, data.item.titleEn).text}`,
      ),
    },
    { name: "description", content: pickText(language, data.item.description, data.item.summaryEn).text.slice(0, 160) },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const problem = await getPublishedProblem(params.slug ?? "", params.code ?? "");
  if (!problem) throw notFound();
  const id = problem.item.majorProblemId;
  const user = await getOptionalUser(request);
  const [statements, matches, facts, provider, following] = await Promise.all([
    listPublicStatementsForMajorProblem(id),
    approvedMatchesForPublic({ majorProblemId: id }),
    majorProblemFacts(id),
    user ? canFollowMajorProblems(user.id) : false,
    user ? isFollowingMajorProblem(user.id, id) : false,
  ]);
  return json({
    list: { name: problem.list.name, nameEn: problem.list.nameEn, slug: problem.list.slug },
    version: problem.version.number,
    item: problem.item,
    statements,
    matches,
    facts,
    // Who sees which way in: a visitor is asked to sign in, a provider or
    // research member may follow and propose; staff and agencies see
    // neither (the propose page refuses them anyway).
    viewer: user ? (provider ? "provider" : "other") : "visitor",
    following,
    open: isProposableMajorStatus(problem.item.status),
  });
}

// Follow / unfollow, as a plain form post so it works without JavaScript.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const code = params.code ?? "";
  const intent = (await request.formData()).get("intent");
  if (intent !== "follow" && intent !== "unfollow") throw new Response("Bad Request", { status: 400 });
  const outcome = await setMajorProblemFollow(user.id, slug, code, intent === "follow");
  if (outcome === "not-found") throw notFound();
  if (outcome === "not-allowed") throw forbidden();
  const here = `/major-problems/${encodeURIComponent(slug)}/${encodeURIComponent(code)}`;
  return flash(request, here, {
    key: outcome === "followed" ? "opportunities.majorProblem.followed" : "opportunities.majorProblem.unfollowed",
  });
}

export default function MajorProblemPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { list, item, statements, matches, facts, viewer, following, open } = useLoaderData<typeof loader>();
  const here = `/major-problems/${list.slug}/${item.code}`;
  const proposePath = `${here}/propose`;
  const pick = usePick();
  const listName = pick(list.name, list.nameEn);
  const title = pick(item.title, item.titleEn);
  const summary = pick(item.description, item.summaryEn);
  return (
    <>
      <p>
        <Link to={`/major-problems/${list.slug}`}>{t("majorProblems.inList", { list: listName.text })}</Link>
      </p>
      <h1 lang={title.lang}>{title.text}</h1>
      <VietnameseOnlyNote show={title.vietnameseOnly} />
      <p>
        <span className={item.priority === "HIGH" ? "tag tag-red" : "tag"}>{t(`priorities.${item.priority}`)}</span>{" "}
        <span className="tag">{t(`majorProblemStatuses.${item.status}`)}</span>
      </p>
      <dl className="summary-list">
        <div>
          <dt>{t("majorProblems.code")}</dt>
          <dd>{item.code}</dd>
        </div>
        <div>
          <dt>{t("majorProblems.sector")}</dt>
          <dd>{(language === "en" ? item.sectorNameEn : item.sectorNameVi) ?? t("majorProblems.noSector")}</dd>
        </div>
        <div>
          <dt>{t("majorProblems.leadAgency")}</dt>
          <dd>{item.leadAgency}</dd>
        </div>
        <div>
          <dt>{t("opportunities.majorProblem.owner")}</dt>
          <dd>{facts.owner ?? t("opportunities.majorProblem.noOwner")}</dd>
        </div>
        <div>
          <dt>{t("opportunities.majorProblem.deadline")}</dt>
          <dd>
            {facts.deadline ? (
              <>
                {formatDate(facts.deadline, language)}
                {facts.daysLeft !== null && open ? (
                  <>
                    {" — "}
                    <span className={facts.daysLeft < 0 ? "tag tag-red" : "days-left"}>
                      {facts.daysLeft < 0
                        ? t("opportunities.majorProblem.overdue", { count: -facts.daysLeft })
                        : t("opportunities.majorProblem.daysLeft", { count: facts.daysLeft })}
                    </span>
                  </>
                ) : null}
              </>
            ) : (
              t("opportunities.majorProblem.noDeadline")
            )}
          </dd>
        </div>
        <div>
          <dt>
            {summary.vietnameseOnly || language !== "en" ? t("majorProblems.description") : t("bilingual.summaryTitle")}
          </dt>
          <dd>
            <p className="prose" lang={summary.lang}>
              {summary.text}
            </p>
            <VietnameseOnlyNote show={summary.vietnameseOnly} />
            {language === "en" && !summary.vietnameseOnly ? (
              <details>
                <summary>{t("bilingual.originalVi")}</summary>
                <p className="prose" lang="vi">
                  {item.description}
                </p>
              </details>
            ) : null}
          </dd>
        </div>
      </dl>

      {viewer !== "other" ? (
        <section className="call-to-action" aria-labelledby="act-title">
          <h2 id="act-title">{t("opportunities.majorProblem.actionsTitle")}</h2>
          {viewer === "visitor" ? (
            <>
              <p>{t("opportunities.majorProblem.signInHint")}</p>
              <p>
                <Link to={`/login?redirectTo=${encodeURIComponent(proposePath)}`} className="button">
                  {t("opportunities.majorProblem.signInToPropose")}
                </Link>
              </p>
            </>
          ) : (
            <>
              {open ? null : <p>{t("opportunities.majorProblem.notTakingProposals")}</p>}
              <p>
                {following ? t("opportunities.majorProblem.following") : t("opportunities.majorProblem.followHint")}
              </p>
              <div>
                {open ? (
                  <Link to={proposePath} className="button">
                    {t("opportunities.majorProblem.propose")}
                  </Link>
                ) : null}
                <Form method="post">
                  <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
                  <button type="submit" className="button button-secondary">
                    {following ? t("opportunities.majorProblem.unfollow") : t("opportunities.majorProblem.follow")}
                  </button>
                </Form>
              </div>
            </>
          )}
        </section>
      ) : null}

      <PublicMatchList data={matches} />
      {facts.selected.length > 0 ? (
        <section aria-labelledby="selected-title">
          <h2 id="selected-title">{t("opportunities.majorProblem.selectedTitle")}</h2>
          <p>{t("opportunities.majorProblem.selectedLead")}</p>
          <ul className="plain-list">
            {facts.selected.map((p) => (
              <li key={p.id}>
                <Link to={`/offers/${p.offer.slug}`}>
                  {language === "en" && p.offer.titleEn ? p.offer.titleEn : p.offer.titleVi}
                </Link>
                {" — "}
                {p.offer.organisation.slug ? (
                  <Link to={`/organisations/${p.offer.organisation.slug}`}>{p.offer.organisation.name}</Link>
                ) : (
                  p.offer.organisation.name
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t("majorProblems.linkedStatementsTitle")}</h2>
      {statements.length === 0 ? (
        <p>{t("majorProblems.linkedStatementsNone")}</p>
      ) : (
        <ul className="plain-list">
          {statements.map((s) => (
            <li key={s.slug}>
              <Link to={`/problems/${s.slug}`}>{s.title}</Link> — {s.organisation.name}{" "}
              <span className={s.status === "PUBLISHED" ? "tag tag-green" : "tag"}>
                {t(`statements.status.${s.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusTag } from "~/components/statement-summary";
import type { Language } from "~/i18n/config";
import { listStatementsForOrg } from "~/models/problem-statement.server";
import { requireAgencyMember } from "~/utils/organisation-access.server";
import { formatDate } from "~/utils/format";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "statements.mine.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireAgencyMember(request, params.orgId);
  return json({ organisation, statements: await listStatementsForOrg(organisation.id) });
}

export default function OrgProblems() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { organisation, statements } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/orgs/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{t("statements.mine.title")}</h1>
      <p className="lead">{t("statements.mine.lead")}</p>
      <p>
        <Link to="new" className="button">
          {t("statements.mine.create")}
        </Link>
      </p>
      {statements.length === 0 ? (
        <p>{t("statements.mine.none")}</p>
      ) : (
        <TableRegion label={t("statements.mine.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("statements.fields.title")}</th>
                <th scope="col">{t("statements.proposals.status")}</th>
                <th scope="col">{t("statements.fields.proposalDeadline")}</th>
                <th scope="col">{t("statements.mine.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {statements.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={s.id}>{s.title}</Link>
                    <br />
                    <span className="hint">
                      {t("statements.mine.counts", { proposals: s._count.proposals, questions: s._count.questions })}
                    </span>
                  </td>
                  <td>
                    <StatusTag status={s.status} />
                  </td>
                  <td>{s.proposalDeadline ? formatDate(s.proposalDeadline, language) : "—"}</td>
                  <td>{formatDate(s.updatedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

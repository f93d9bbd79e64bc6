import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { boardIndex } from "~/models/curation-board.server";
import { matchStatuses } from "~/schemas/curation";
import { requireStaff } from "~/utils/permissions.server";
import curationCss from "~/styles/curation.css";
import { TableRegion } from "~/components/table-region";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: curationCss }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "curation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const mine = new URL(request.url).searchParams.get("assignee") === "me";
  return json({ mine, ...(await boardIndex(mine ? staff.id : undefined)) });
}

type Row = { id: string; title: string; context: string; counts: Record<(typeof matchStatuses)[number], number> };

function BoardTable({ caption, kind, rows }: { caption: string; kind: "major" | "statement"; rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{caption}</h2>
      {rows.length === 0 ? (
        <p>{t("curation.indexNone")}</p>
      ) : (
        <TableRegion label={caption}>
          <table className="count-table">
            <thead>
              <tr>
                <th scope="col">{t("curation.problem")}</th>
                {matchStatuses.map((s) => (
                  <th key={s} scope="col">
                    {t(`curation.status.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to={`/staff/matches/${kind}/${row.id}`}>{row.title}</Link>
                    <br />
                    <span className="hint">{row.context}</span>
                  </td>
                  {matchStatuses.map((s) => (
                    <td key={s}>{row.counts[s]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

export default function CurationIndex() {
  const { t } = useTranslation();
  const { mine, majorProblems, statements } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/staff">{t("layout.staffArea")}</Link>
      </p>
      <h1>{t("curation.title")}</h1>
      <p className="lead">{t("curation.lead")}</p>
      <Form method="get" className="filter-bar">
        <label htmlFor="assignee">{t("curation.filterAssignee")}</label>
        <select id="assignee" name="assignee" defaultValue={mine ? "me" : ""}>
          <option value="">{t("curation.filterAll")}</option>
          <option value="me">{t("curation.filterMine")}</option>
        </select>
        <button type="submit" className="button button-secondary button-small">
          {t("curation.applyFilter")}
        </button>
      </Form>
      <BoardTable caption={t("curation.indexMajorTitle")} kind="major" rows={majorProblems} />
      <BoardTable caption={t("curation.indexStatementTitle")} kind="statement" rows={statements} />
    </>
  );
}

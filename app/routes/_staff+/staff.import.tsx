import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translateError } from "~/components/form";
import { importOffers, importProblems, type ImportReport } from "~/models/import.server";
import { describeReason } from "~/utils/import-reasons";
import { requireStaff } from "~/utils/permissions.server";
import { parseMultipartForm } from "~/utils/uploads.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "import.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

type Reports = { offers?: ImportReport; problems?: ImportReport };

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const parsed = await parseMultipartForm(request);
  if (parsed.tooLarge) return json({ error: "validation.fileTooLarge|10", reports: null }, { status: 413 });
  const offersFile = parsed.formData.get("offers");
  const problemsFile = parsed.formData.get("problems");
  const listName = String(parsed.formData.get("list") ?? "").trim() || "Imported";
  const present = (file: FormDataEntryValue | null): file is File => file instanceof File && file.size > 0;
  if (!present(offersFile) && !present(problemsFile))
    return json({ error: "import.noFile", reports: null }, { status: 400 });
  const reports: Reports = {};
  if (present(offersFile)) reports.offers = await importOffers(offersFile.name, await offersFile.text(), staff.id);
  if (present(problemsFile))
    reports.problems = await importProblems(problemsFile.name, await problemsFile.text(), listName, staff.id);
  return json({ error: null, reports });
}

function ReportTable({ title, report }: { title: string; report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <p>{t("import.summary", { created: report.created, updated: report.updated, rejected: report.rejected })}</p>
      {report.rejected > 0 ? (
        <TableRegion label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("import.line")}</th>
                <th scope="col">{t("import.key")}</th>
                <th scope="col">{t("import.status")}</th>
                <th scope="col">{t("import.reasons")}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows
                .filter((row) => row.status === "rejected" || row.reasons.length > 0)
                .slice(0, 500)
                .map((row) => (
                  <tr key={`${row.line}-${row.key}`}>
                    <td>{row.line}</td>
                    <td>{row.key}</td>
                    <td>{t(`import.${row.status}`)}</td>
                    <td>{row.reasons.map((reason) => describeReason(t, reason)).join("; ")}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </section>
  );
}

export default function StaffImport() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.lead")}</p>
      {actionData?.error ? (
        <div className="notice notice-error" role="alert">
          {translateError(t, actionData.error)}
        </div>
      ) : null}
      {actionData?.reports ? (
        <section aria-labelledby="report-title" className="notice notice-success">
          <h2 id="report-title">{t("import.reportTitle")}</h2>
          {actionData.reports.offers ? (
            <ReportTable title={t("import.offersFile")} report={actionData.reports.offers} />
          ) : null}
          {actionData.reports.problems ? (
            <ReportTable title={t("import.problemsFile")} report={actionData.reports.problems} />
          ) : null}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="narrow">
        <div className="field">
          <label htmlFor="offers">{t("import.offersFile")}</label>
          <input id="offers" name="offers" type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" />
        </div>
        <div className="field">
          <label htmlFor="problems">{t("import.problemsFile")}</label>
          <input id="problems" name="problems" type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" />
        </div>
        <div className="field">
          <label htmlFor="list">{t("import.listName")}</label>
          <p className="hint" id="list-hint">
            {t("import.listNameHint")}
          </p>
          <input id="list" name="list" type="text" defaultValue="Imported" aria-describedby="list-hint" />
        </div>
        <button type="submit" className="button">
          {t("import.submit")}
        </button>
      </Form>
      <h2>{t("import.exportTitle")}</h2>
      <ul>
        <li>
          <a href="/staff/export/offers.csv" download>
            {t("import.exportOffersCsv")}
          </a>
        </li>
        <li>
          <a href="/staff/export/offers.json" download>
            {t("import.exportOffersJson")}
          </a>
        </li>
        <li>
          <a href="/staff/export/major-problems.csv" download>
            {t("import.exportProblemsCsv")}
          </a>
        </li>
        <li>
          <a href="/staff/export/major-problems.json" download>
            {t("import.exportProblemsJson")}
          </a>
        </li>
      </ul>
    </>
  );
}

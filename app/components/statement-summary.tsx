import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { type QualityCheck, qualityChecks } from "~/schemas/problem-statement";
import { pickText } from "~/utils/bilingual";
import { formatDate, formatVnd } from "~/utils/format";

type Status = "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED";

export type StatementView = {
  title: string;
  status: Status;
  context: string;
  targetUsers: string | null;
  responsiblePerson: string;
  scopeOfWork: string;
  timeline: string;
  deadline: string | null;
  accountableUnit: string;
  deliverable: string;
  successCriteria: string;
  decisionAuthority: string;
  dataAvailable: string | null;
  constraints: string | null;
  budgetMinVnd: number | null;
  budgetMaxVnd: number | null;
  desiredTrl: number | null;
  proposalDeadline: string | null;
  outcome: string | null;
  organisation: { name: string };
  majorProblem: { code: string; title: string; titleEn?: string | null; list: { slug: string; name: string } } | null;
};

const statusClass: Record<Status, string> = {
  DRAFT: "tag",
  SUBMITTED: "tag",
  PUBLISHED: "tag tag-green",
  CLOSED: "tag",
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={statusClass[status]}>{t(`statements.status.${status}`)}</span>;
}

export function useBudgetText() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (min: number | null, max: number | null) => {
    if (min !== null && max !== null)
      return t("statements.budgetRange", { min: formatVnd(min, language), max: formatVnd(max, language) });
    if (min !== null) return t("statements.budgetFrom", { min: formatVnd(min, language) });
    if (max !== null) return t("statements.budgetUpTo", { max: formatVnd(max, language) });
    return t("statements.budgetNone");
  };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="prose">{children}</dd>
    </div>
  );
}

// Everything an agency stated, with the "6 rõ" as its own labelled block so a
// provider can check each of them at a glance (GOV.UK summary lists).
export function StatementSummary({ statement }: { statement: StatementView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const budgetText = useBudgetText();
  const none = t("statements.notStated");
  const date = (value: string | null) => (value ? formatDate(value, language) : none);
  // What the agency wrote is Vietnamese: on an English page it is marked so,
  // and screen readers read it with a Vietnamese voice.
  const vi = (value: string | null) =>
    value === null ? none : language === "en" ? <span lang="vi">{value}</span> : value;
  const majorTitle = statement.majorProblem
    ? pickText(language, statement.majorProblem.title, statement.majorProblem.titleEn)
    : null;
  return (
    <>
      {statement.outcome ? (
        <div className="notice">
          <h2>{t("statements.outcomeTitle")}</h2>
          <p className="prose">{vi(statement.outcome)}</p>
        </div>
      ) : null}
      <h2>{t("statements.sections.problem")}</h2>
      <dl className="summary-list">
        <Row label={t("statements.agency")}>{statement.organisation.name}</Row>
        <Row label={t("statements.fields.context")}>{vi(statement.context)}</Row>
        <Row label={t("statements.fields.targetUsers")}>{vi(statement.targetUsers)}</Row>
        {statement.majorProblem ? (
          <Row label={t("statements.linkedMajorProblem")}>
            <Link to={`/major-problems/${statement.majorProblem.list.slug}/${statement.majorProblem.code}`}>
              {`${statement.majorProblem.code}: `}
              <span lang={majorTitle?.lang}>{majorTitle?.text}</span>
            </Link>
          </Row>
        ) : null}
      </dl>
      <h2>{t("statements.sections.sixClear")}</h2>
      <p className="hint">{t("statements.sections.sixClearLead")}</p>
      <dl className="summary-list six-clear">
        <Row label={`${t("statements.sixClear.person")}: ${t("statements.fields.responsiblePerson")}`}>
          {vi(statement.responsiblePerson)}
        </Row>
        <Row label={`${t("statements.sixClear.work")}: ${t("statements.fields.scopeOfWork")}`}>
          {vi(statement.scopeOfWork)}
        </Row>
        <Row label={`${t("statements.sixClear.time")}: ${t("statements.fields.timeline")}`}>
          {vi(statement.timeline)}
          <br />
          {`${t("statements.fields.deadline")}: ${date(statement.deadline)}`}
        </Row>
        <Row label={`${t("statements.sixClear.responsibility")}: ${t("statements.fields.accountableUnit")}`}>
          {vi(statement.accountableUnit)}
        </Row>
        <Row label={`${t("statements.sixClear.product")}: ${t("statements.fields.deliverable")}`}>
          {vi(statement.deliverable)}
        </Row>
        <Row label={t("statements.fields.successCriteria")}>{vi(statement.successCriteria)}</Row>
        <Row label={`${t("statements.sixClear.authority")}: ${t("statements.fields.decisionAuthority")}`}>
          {vi(statement.decisionAuthority)}
        </Row>
      </dl>
      <h2>{t("statements.sections.conditions")}</h2>
      <dl className="summary-list">
        <Row label={t("statements.fields.dataAvailable")}>{vi(statement.dataAvailable)}</Row>
        <Row label={t("statements.fields.constraints")}>{vi(statement.constraints)}</Row>
        <Row label={t("statements.budget")}>{budgetText(statement.budgetMinVnd, statement.budgetMaxVnd)}</Row>
        <Row label={t("statements.fields.desiredTrl")}>
          {statement.desiredTrl ? t("statements.trlValue", { trl: statement.desiredTrl }) : none}
        </Row>
        <Row label={t("statements.fields.proposalDeadline")}>{date(statement.proposalDeadline)}</Row>
      </dl>
    </>
  );
}

export function QualityPanel({ quality }: { quality: { score: number; checks: Record<QualityCheck, boolean> } }) {
  const { t } = useTranslation();
  return (
    <section className="statement-quality" aria-labelledby="quality-title">
      <h2 id="quality-title">{t("statements.quality.title")}</h2>
      <p>
        <strong>{t("statements.quality.score", { score: quality.score })}</strong>
      </p>
      <ul className="plain-list">
        {qualityChecks.map((check) => (
          <li key={check}>
            <span className={quality.checks[check] ? "tag tag-green" : "tag tag-red"}>
              {quality.checks[check] ? t("statements.quality.passed") : t("statements.quality.missing")}
            </span>{" "}
            {t(`statements.quality.${check}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

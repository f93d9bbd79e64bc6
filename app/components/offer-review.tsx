import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextAreaField } from "~/components/form";
import { evidenceLevels, reviewSchema } from "~/schemas/offer";

export type ReviewIntent =
  | "publish"
  | "request-changes"
  | "approve-revision"
  | "reject-revision"
  | "set-evidence"
  | "archive";

function ReasonForm(props: {
  intent: "request-changes" | "reject-revision";
  label: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: props.intent,
    lastResult: props.lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="narrow">
      <ErrorSummary fields={{ reason: fields.reason }} formErrors={form.errors} />
      <input type="hidden" name="intent" value={props.intent} />
      <TextAreaField field={fields.reason} label={t("offers.reason")} hint={t("offers.reasonHint")} />
      <button type="submit" className="button button-secondary">
        {props.label}
      </button>
    </Form>
  );
}

function EvidenceForm(props: { intent: "publish" | "set-evidence"; current: string; label: string }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: props.intent, defaultValue: { evidenceLevel: props.current } });
  return (
    <Form method="post" {...getFormProps(form)} className="narrow">
      <input type="hidden" name="intent" value={props.intent} />
      <SelectField
        field={fields.evidenceLevel}
        label={t("offers.evidence")}
        options={evidenceLevels.map((level) => ({ value: level, label: t(`offers.evidenceLevels.${level}`) }))}
      />
      <button type="submit" className="button">
        {props.label}
      </button>
    </Form>
  );
}

// The decisions open to staff for an offer in its current state.
export function OfferReviewActions(props: {
  status: string;
  hasPending: boolean;
  evidenceLevel: string;
  lastIntent?: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const resultFor = (intent: ReviewIntent) => (props.lastIntent === intent ? props.lastResult : undefined);
  return (
    <section className="offer-review-actions">
      {props.status === "SUBMITTED" ? (
        <>
          <EvidenceForm intent="publish" current={props.evidenceLevel} label={t("offers.publish")} />
          <h2>{t("offers.requestChanges")}</h2>
          <ReasonForm
            intent="request-changes"
            label={t("offers.requestChanges")}
            lastResult={resultFor("request-changes")}
          />
        </>
      ) : null}
      {props.hasPending ? (
        <>
          <Form method="post">
            <input type="hidden" name="intent" value="approve-revision" />
            <button type="submit" className="button">
              {t("offers.approveRevision")}
            </button>
          </Form>
          <h2>{t("offers.rejectRevision")}</h2>
          <ReasonForm
            intent="reject-revision"
            label={t("offers.rejectRevision")}
            lastResult={resultFor("reject-revision")}
          />
        </>
      ) : null}
      {props.status !== "SUBMITTED" && props.status !== "ARCHIVED" ? (
        <EvidenceForm intent="set-evidence" current={props.evidenceLevel} label={t("offers.setEvidence")} />
      ) : null}
      {props.status !== "ARCHIVED" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="archive" />
          <button type="submit" className="button button-secondary">
            {t("offers.staffArchive")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

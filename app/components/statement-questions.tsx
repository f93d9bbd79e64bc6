import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextAreaField, translateError } from "~/components/form";
import type { Language } from "~/i18n/config";
import { questionSchema } from "~/schemas/problem-statement";
import { formatDate } from "~/utils/format";

export type QuestionRow = {
  id: string;
  body: string;
  answer: string | null;
  createdAt: string;
  askerName: string | null;
};
export type AnswerError = { questionId: string; message: string } | null;

export function QuestionList(props: { questions: QuestionRow[]; canAnswer: boolean; answerError: AnswerError }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (props.questions.length === 0) return <p>{t("statements.qa.none")}</p>;
  return (
    <ol className="card-list statement-questions">
      {props.questions.map((q) => {
        const error = props.answerError?.questionId === q.id ? props.answerError.message : null;
        return (
          <li key={q.id} className="card" id={`question-${q.id}`}>
            <p className="prose">
              <strong>{q.body}</strong>
            </p>
            <p className="hint">
              {t("statements.qa.askedOn", { date: formatDate(q.createdAt, language) })}
              {q.askerName ? ` · ${t("statements.qa.askedBy", { name: q.askerName })}` : null}
            </p>
            {q.answer ? (
              <div className="statement-answer">
                <h3>{t("statements.qa.answer")}</h3>
                <p className="prose">{q.answer}</p>
              </div>
            ) : (
              <p>{t("statements.qa.notAnswered")}</p>
            )}
            {props.canAnswer ? (
              <Form method="post" className={error ? "field field-error" : "field"}>
                <input type="hidden" name="intent" value="answer" />
                <input type="hidden" name="questionId" value={q.id} />
                <label htmlFor={`answer-${q.id}`}>{t("statements.qa.answerLabel")}</label>
                {error ? (
                  <p className="error-message" id={`answer-${q.id}-error`}>
                    {translateError(t, error)}
                  </p>
                ) : null}
                <textarea
                  id={`answer-${q.id}`}
                  name="answer"
                  rows={3}
                  defaultValue={q.answer ?? ""}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `answer-${q.id}-error` : undefined}
                />
                <button type="submit" className="button button-secondary button-small">
                  {t("statements.qa.saveAnswer")}
                </button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

export function AskQuestion(props: {
  signedIn: boolean;
  organisations: { id: string; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "ask",
    lastResult: props.lastResult,
    defaultValue: { organisationId: props.organisations[0]?.id ?? "" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: questionSchema }),
  });
  if (!props.signedIn) {
    return (
      <p>
        {t("statements.qa.signInToAsk")} <Link to="/login">{t("statements.qa.signIn")}</Link>
      </p>
    );
  }
  if (props.organisations.length === 0) return <p>{t("statements.qa.onlyProviders")}</p>;
  return (
    <>
      <h3>{t("statements.qa.askTitle")}</h3>
      <ErrorSummary fields={fields} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="narrow">
        <input type="hidden" name="intent" value="ask" />
        {props.organisations.length === 1 ? (
          <input type="hidden" name={fields.organisationId.name} value={props.organisations[0]!.id} />
        ) : (
          <SelectField
            field={fields.organisationId}
            label={t("statements.qa.askAs")}
            options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        <TextAreaField field={fields.body} label={t("statements.qa.body")} hint={t("statements.qa.lead")} />
        <button type="submit" className="button">
          {t("statements.qa.ask")}
        </button>
      </Form>
    </>
  );
}

import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// Schema messages are i18n keys, optionally with a "|max" parameter.
export function translateError(t: TFunction, message: string): string {
  const [key, param = ""] = message.split("|");
  return t(key as "validation.required", { max: param, minutes: param });
}

// Fields of any single-value type (strings, enums); conform's metadata is invariant in it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>;

function FieldShell(props: {
  field: AnyField;
  label: string;
  hint?: string;
  optional?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const hintId = props.hint ? `${props.field.id}-hint` : undefined;
  const describedBy =
    [hintId, props.field.errors?.length ? props.field.errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className={props.field.errors?.length ? "field field-error" : "field"}>
      <label htmlFor={props.field.id}>
        {props.label}
        {props.optional ? <span className="optional"> {t("organisations.optional")}</span> : null}
      </label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.field.errors?.length ? (
        <p className="error-message" id={props.field.errorId}>
          {props.field.errors.map((e) => translateError(t, e)).join(" ")}
        </p>
      ) : null}
      {props.children(describedBy)}
    </div>
  );
}

export function TextField(props: {
  field: AnyField;
  label: string;
  hint?: string;
  optional?: boolean;
  type?: "text" | "email" | "password" | "url" | "date" | "number";
  autoComplete?: string;
}) {
  const { type = "text", autoComplete } = props;
  return (
    <FieldShell {...props}>
      {(describedBy) => (
        <input
          {...getInputProps(props.field, { type, ariaAttributes: false })}
          aria-invalid={props.field.errors?.length ? true : undefined}
          aria-describedby={describedBy}
          autoComplete={autoComplete}
          // Remix re-renders with the typed value on errors; passwords are never sent back.
          key={props.field.key}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField(props: {
  field: AnyField;
  label: string;
  hint?: string;
  optional?: boolean;
  rows?: number;
}) {
  return (
    <FieldShell {...props}>
      {(describedBy) => (
        <textarea
          {...getTextareaProps(props.field, { ariaAttributes: false })}
          aria-invalid={props.field.errors?.length ? true : undefined}
          aria-describedby={describedBy}
          rows={props.rows ?? 5}
          key={props.field.key}
        />
      )}
    </FieldShell>
  );
}

export function SelectField(props: {
  field: AnyField;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <FieldShell {...props}>
      {(describedBy) => (
        <select
          {...getSelectProps(props.field, { ariaAttributes: false })}
          aria-invalid={props.field.errors?.length ? true : undefined}
          aria-describedby={describedBy}
          key={props.field.key}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

// GOV.UK pattern: radios in a fieldset whose legend is the question.
export function RadioGroup(props: { field: AnyField; legend: string; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const { field } = props;
  const errorId = field.errors?.length ? field.errorId : undefined;
  return (
    <fieldset className={field.errors?.length ? "field field-error" : "field"} aria-describedby={errorId}>
      <legend>{props.legend}</legend>
      {field.errors?.length ? (
        <p className="error-message" id={field.errorId}>
          {field.errors.map((e) => translateError(t, e)).join(" ")}
        </p>
      ) : null}
      {props.options.map((o, index) => (
        <div className="radio" key={o.value}>
          <input
            type="radio"
            id={index === 0 ? field.id : `${field.id}-${o.value}`}
            name={field.name}
            value={o.value}
            defaultChecked={field.initialValue === o.value}
          />
          <label htmlFor={index === 0 ? field.id : `${field.id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

// "Vui lòng nhập…" after a field's name reads "Tên gói: vui lòng nhập…";
// a message opening with an acronym (TRL, MST) keeps its capitals.
function afterLabel(message: string, language: string): string {
  return /^\p{Lu}\p{Ll}/u.test(message) ? message.charAt(0).toLocaleLowerCase(language) + message.slice(1) : message;
}

// Shown at the top of a form after a failed submit, linking to each field.
// With labels (same keys as fields), each line names its field, so two
// "required" messages are told apart.
export function ErrorSummary(props: {
  fields: Record<string, AnyField>;
  formErrors?: string[];
  labels?: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const fieldErrors = Object.entries(props.fields).flatMap(([key, field]) =>
    (field.errors ?? []).slice(0, 1).map((error) => {
      const message = translateError(t, error);
      const label = props.labels?.[key];
      return { id: field.id, message: label ? `${label}: ${afterLabel(message, i18n.language)}` : message };
    }),
  );
  const formErrors = (props.formErrors ?? []).map((message) => translateError(t, message));
  if (fieldErrors.length === 0 && formErrors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("errors.formErrorsTitle")}</h2>
      <ul>
        {formErrors.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {fieldErrors.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// An optional PDF attached to a message or a proposal. The error comes from
// the caller: conform's, or the 413 the route answers for a file over the limit.
export function PdfAttachmentField(props: { field: AnyField; label: string; hint: string; error: string | undefined }) {
  const { t } = useTranslation();
  const { field, error } = props;
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={field.id}>
        {props.label} <span className="optional">{t("organisations.optional")}</span>
      </label>
      <p className="hint" id={`${field.id}-hint`}>
        {props.hint}
      </p>
      {error ? (
        <p className="error-message" id={field.errorId}>
          {translateError(t, error)}
        </p>
      ) : null}
      <input
        type="file"
        id={field.id}
        name={field.name}
        accept="application/pdf,.pdf"
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${field.id}-hint`, error ? field.errorId : ""].filter(Boolean).join(" ")}
      />
    </div>
  );
}

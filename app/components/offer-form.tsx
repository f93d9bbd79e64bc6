import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, RadioGroup, SelectField, TextAreaField, TextField, translateError } from "~/components/form";
import { TermSuggestions, type Suggestions } from "~/components/term-suggestions";
import {
  MAX_PACKAGES,
  MAX_REFERENCES,
  deploymentModels,
  isRowIntent,
  offerSchema,
  trlLevels,
  visibleRows,
  type OfferFormInput,
} from "~/schemas/offer";

type Term = { id: string; nameVi: string; nameEn: string };
export type OfferFormTerms = { SECTOR: Term[]; TECHNOLOGY: Term[]; BUSINESS_NEED: Term[] };
export type OfferFormMedia = {
  key: string;
  kind: "LOGO" | "IMAGE" | "BROCHURE";
  storedName: string;
  originalName: string;
};
// Files are not in the schema, but the server reports their errors under these names.
type FormShape = OfferFormInput & { logo?: string; images?: string; brochure?: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>;

function Errors({ field }: { field: AnyField }) {
  const { t } = useTranslation();
  if (!field.errors?.length) return null;
  return (
    <p className="error-message" id={field.errorId}>
      {field.errors.map((e) => translateError(t, e)).join(" ")}
    </p>
  );
}

function CheckboxGroup(props: {
  field: AnyField;
  legend: string;
  hint?: string;
  terms: Term[];
  suggested?: Set<string>;
}) {
  const { t, i18n } = useTranslation();
  const { field } = props;
  const checked = new Set([field.initialValue ?? []].flat() as string[]);
  const hintId = props.hint ? `${field.id}-hint` : undefined;
  const describedBy = [hintId, field.errors?.length ? field.errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={field.errors?.length ? "field field-error" : "field"} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <Errors field={field} />
      <div className="offer-checkbox-grid">
        {props.terms.map((term, index) => {
          const id = index === 0 ? field.id : `${field.id}-${term.id}`;
          return (
            <div className="radio" key={`${field.key ?? ""}-${term.id}`}>
              <input type="checkbox" id={id} name={field.name} value={term.id} defaultChecked={checked.has(term.id)} />
              <label htmlFor={id}>
                {i18n.language === "en" ? term.nameEn : term.nameVi}
                {props.suggested?.has(term.id) ? (
                  <>
                    {" "}
                    <strong className="tag tag-suggested">{t("offers.suggestedTag")}</strong>
                  </>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function FileInput(props: { field: AnyField; label: string; hint: string; accept: string; multiple?: boolean }) {
  const { field } = props;
  const describedBy = [`${field.id}-hint`, field.errors?.length ? field.errorId : undefined].filter(Boolean).join(" ");
  return (
    <div className={field.errors?.length ? "field field-error" : "field"}>
      <label htmlFor={field.id}>{props.label}</label>
      <p className="hint" id={`${field.id}-hint`}>
        {props.hint}
      </p>
      <Errors field={field} />
      <input
        type="file"
        id={field.id}
        name={field.name}
        accept={props.accept}
        multiple={props.multiple}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

// After a post back conform rebuilds rows from what was posted: the rows the
// page showed (plus one after "add another"), with one empty row to fill.
function withVisibleRows(result: SubmissionResult<string[]> | undefined) {
  if (!result?.initialValue) return result;
  const value = result.initialValue as Record<string, unknown>;
  return {
    ...result,
    initialValue: {
      ...value,
      packages: visibleRows(value.packages, MAX_PACKAGES),
      references: visibleRows(value.references, MAX_REFERENCES),
    },
  } as SubmissionResult<string[]>;
}

// Adds or removes a row by posting the form back (intent=add-package, …),
// so it works without JavaScript and keeps everything typed. With
// JavaScript the row changes in place (onChange): a post back would remount
// the form, and a browser never refills a file input, so the brochure and
// images already chosen would be lost.
function RowButton(props: { intent: string; children: string; secondary?: boolean; onChange: () => void }) {
  return (
    <button
      type="submit"
      name="intent"
      value={props.intent}
      formNoValidate
      className={props.secondary ? "button button-secondary offer-row-button" : "button button-secondary"}
      onClick={(event) => {
        event.preventDefault();
        props.onChange();
      }}
    >
      {props.children}
    </button>
  );
}

type OfferFormProps = {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: ReturnType<typeof offerFormDefaults>;
  terms: OfferFormTerms;
  media?: OfferFormMedia[];
  submitLabel: string;
  suggestions?: Suggestions | null;
};

// Conform takes the rows from an answer only when the form mounts (as after a
// page load without JavaScript); with JavaScript, each answer of the action
// ("add another" included) gets a freshly mounted form, so both behave alike.
export function OfferForm(props: OfferFormProps) {
  const [answer, setAnswer] = useState({ result: props.lastResult, version: 0 });
  if (answer.result !== props.lastResult) setAnswer({ result: props.lastResult, version: answer.version + 1 });
  return <OfferFormBody key={answer.version} {...props} />;
}

function OfferFormBody(props: OfferFormProps) {
  const { t } = useTranslation();
  // Memoised: conform resets the form whenever lastResult changes identity.
  const lastResult = useMemo(() => withVisibleRows(props.lastResult), [props.lastResult]);
  const [form, fields] = useForm<FormShape>({
    id: "offer",
    lastResult,
    // Conform serialises defaults as strings ("on", "3"), not the schema's input types.
    defaultValue: props.defaultValue as unknown as FormShape,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // The schema's output (parsed rows) differs from the form's shape; conform only needs the errors.
    // Adding or removing a row posts the half-filled form back: its errors wait for the real submit.
    onValidate: ({ formData }) => {
      const submission = parseWithZod(formData, { schema: offerSchema });
      return (isRowIntent(formData.get("intent")) ? { ...submission, error: null } : submission) as never;
    },
  });
  // Suggested terms are marked on the form's own checkboxes.
  const [suggestions, setSuggestions] = useState<Suggestions | null>(props.suggestions ?? null);
  const onSuggestions = useCallback((next: Suggestions | null) => setSuggestions(next), []);
  const suggestedSectors = useMemo(() => new Set(suggestions?.sectors.map((term) => term.id)), [suggestions]);
  const suggestedTechnologies = useMemo(() => new Set(suggestions?.technologies.map((term) => term.id)), [suggestions]);

  const packageRows = fields.packages
    .getFieldList()
    .slice(0, MAX_PACKAGES)
    .map((row) => row.getFieldset());
  const referenceRows = fields.references
    .getFieldList()
    .slice(0, MAX_REFERENCES)
    .map((row) => row.getFieldset());
  // Every field in page order with the name the error summary gives it; row
  // fields carry their row ("Gói 2 — Tên gói"). Fieldsets are proxies without own keys, so name the row fields.
  const summary: Record<string, AnyField> = {};
  const labels: Record<string, string> = {};
  const add = (key: string, field: AnyField, label: string) => {
    summary[key] = field;
    labels[key] = label;
  };
  add("titleVi", fields.titleVi, t("offers.titleVi"));
  add("titleEn", fields.titleEn, t("offers.titleEn"));
  add("summaryVi", fields.summaryVi, t("offers.summaryVi"));
  add("summaryEn", fields.summaryEn, t("offers.summaryEn"));
  add("descriptionMd", fields.descriptionMd, t("offers.description"));
  add("sectorIds", fields.sectorIds, t("offers.sectorsLegend"));
  add("technologyIds", fields.technologyIds, t("offers.technologiesLegend"));
  add("businessNeedIds", fields.businessNeedIds, t("offers.businessNeedsLegend"));
  add("trl", fields.trl, t("offers.trl"));
  add("deploymentModel", fields.deploymentModel, t("offers.deployment"));
  add("ipStatus", fields.ipStatus, t("offers.ipStatus"));
  add("packages", fields.packages, t("offers.packagesLegend"));
  packageRows.forEach((row, i) => {
    const rowName = t("offers.packageRow", { n: i + 1 });
    add(`packages-${i}-name`, row.name, `${rowName} — ${t("offers.packageName")}`);
    add(`packages-${i}-description`, row.description, `${rowName} — ${t("offers.packageDescription")}`);
    add(`packages-${i}-price`, row.price, `${rowName} — ${t("offers.packagePrice")}`);
    add(`packages-${i}-onRequest`, row.onRequest, `${rowName} — ${t("offers.packageOnRequest")}`);
    add(`packages-${i}-unit`, row.unit, `${rowName} — ${t("offers.packageUnit")}`);
  });
  add("references", fields.references, t("offers.referencesLegend"));
  referenceRows.forEach((row, i) => {
    const rowName = t("offers.referenceRow", { n: i + 1 });
    add(`references-${i}-customer`, row.customer, `${rowName} — ${t("offers.referenceCustomer")}`);
    add(`references-${i}-year`, row.year, `${rowName} — ${t("offers.referenceYear")}`);
    add(`references-${i}-result`, row.result, `${rowName} — ${t("offers.referenceResult")}`);
  });
  add("logo", fields.logo, t("offers.logo"));
  add("images", fields.images, t("offers.images"));
  add("brochure", fields.brochure, t("offers.brochure"));
  add("contactName", fields.contactName, t("offers.contactName"));
  add("contactEmail", fields.contactEmail, t("offers.contactEmail"));
  add("contactPhone", fields.contactPhone, t("offers.contactPhone"));
  // Ticks for removal survive a failed submit like everything else typed.
  const removing = new Set([fields.removeMedia.initialValue ?? []].flat() as string[]);
  return (
    <>
      <ErrorSummary fields={summary} labels={labels} formErrors={form.errors} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="offer-form">
        {/* Enter in a text box presses the form's first submit button: make that the real one, not "add another". */}
        <button type="submit" className="offer-default-submit" tabIndex={-1} aria-hidden="true">
          {props.submitLabel}
        </button>

        <fieldset className="offer-section">
          <legend>{t("offers.sectionGeneral")}</legend>
          <TextField field={fields.titleVi} label={t("offers.titleVi")} />
          <TextField field={fields.titleEn} label={t("offers.titleEn")} hint={t("offers.englishHint")} optional />
          <TextAreaField
            field={fields.summaryVi}
            label={t("offers.summaryVi")}
            hint={t("offers.summaryHint")}
            rows={3}
          />
          <TextAreaField
            field={fields.summaryEn}
            label={t("offers.summaryEn")}
            hint={t("offers.englishHint")}
            optional
            rows={3}
          />
          <TextAreaField
            field={fields.descriptionMd}
            label={t("offers.description")}
            hint={t("offers.descriptionHint")}
            rows={8}
          />
        </fieldset>

        <fieldset className="offer-section">
          <legend>{t("offers.sectionClassification")}</legend>
          <TermSuggestions formId={form.id} kind="offer" initial={props.suggestions} onSuggestions={onSuggestions} />
          <CheckboxGroup
            field={fields.sectorIds}
            legend={t("offers.sectorsLegend")}
            hint={t("offers.sectorsHint")}
            terms={props.terms.SECTOR}
            suggested={suggestedSectors}
          />
          <CheckboxGroup
            field={fields.technologyIds}
            legend={t("offers.technologiesLegend")}
            terms={props.terms.TECHNOLOGY}
            suggested={suggestedTechnologies}
          />
          <CheckboxGroup
            field={fields.businessNeedIds}
            legend={t("offers.businessNeedsLegend")}
            terms={props.terms.BUSINESS_NEED}
          />
        </fieldset>

        <fieldset className="offer-section">
          <legend>{t("offers.sectionReadiness")}</legend>
          <SelectField
            field={fields.trl}
            label={t("offers.trl")}
            hint={t("offers.trlHint")}
            options={[
              { value: "", label: t("offers.trlChoose") },
              ...trlLevels.map((n) => ({ value: String(n), label: t(`offers.trlLevels.level${n}`) })),
            ]}
          />
          <RadioGroup
            field={fields.deploymentModel}
            legend={t("offers.deployment")}
            options={deploymentModels.map((m) => ({ value: m, label: t(`offers.deploymentModels.${m}`) }))}
          />
          <TextField field={fields.ipStatus} label={t("offers.ipStatus")} hint={t("offers.ipStatusHint")} optional />
        </fieldset>

        <fieldset className="offer-section">
          <legend>{t("offers.packagesLegend")}</legend>
          <p className="hint">{t("offers.packagesHint")}</p>
          <Errors field={fields.packages} />
          {packageRows.map((row, i) => (
            <fieldset key={i} className="offer-row">
              <legend>{t("offers.packageRow", { n: i + 1 })}</legend>
              <div className="offer-row-fields">
                <TextField field={row.name} label={t("offers.packageName")} />
                <TextField field={row.price} label={t("offers.packagePrice")} />
                <TextField field={row.unit} label={t("offers.packageUnit")} hint={t("offers.packageUnitHint")} />
              </div>
              <div className="radio">
                <input {...getInputProps(row.onRequest, { type: "checkbox" })} key={row.onRequest.key} />
                <label htmlFor={row.onRequest.id}>{t("offers.packageOnRequest")}</label>
              </div>
              <TextAreaField
                field={row.description}
                label={t("offers.packageDescription")}
                hint={t("offers.packageDescriptionHint")}
                optional
                rows={2}
              />
              {packageRows.length > 1 ? (
                <RowButton
                  intent={`remove-package-${i}`}
                  secondary
                  onChange={() => form.remove({ name: fields.packages.name, index: i })}
                >
                  {t("offers.removePackage", { n: i + 1 })}
                </RowButton>
              ) : null}
            </fieldset>
          ))}
          {packageRows.length < MAX_PACKAGES ? (
            <RowButton intent="add-package" onChange={() => form.insert({ name: fields.packages.name })}>
              {t("offers.addPackage")}
            </RowButton>
          ) : null}
        </fieldset>

        <fieldset className="offer-section">
          <legend>{t("offers.referencesLegend")}</legend>
          <p className="hint">{t("offers.referencesHint")}</p>
          <Errors field={fields.references} />
          {referenceRows.map((row, i) => (
            <fieldset key={i} className="offer-row">
              <legend>{t("offers.referenceRow", { n: i + 1 })}</legend>
              <div className="offer-row-fields">
                <TextField field={row.customer} label={t("offers.referenceCustomer")} />
                <TextField field={row.year} label={t("offers.referenceYear")} type="number" />
              </div>
              <TextField field={row.result} label={t("offers.referenceResult")} />
              {referenceRows.length > 1 ? (
                <RowButton
                  intent={`remove-reference-${i}`}
                  secondary
                  onChange={() => form.remove({ name: fields.references.name, index: i })}
                >
                  {t("offers.removeReference", { n: i + 1 })}
                </RowButton>
              ) : null}
            </fieldset>
          ))}
          {referenceRows.length < MAX_REFERENCES ? (
            <RowButton intent="add-reference" onChange={() => form.insert({ name: fields.references.name })}>
              {t("offers.addReference")}
            </RowButton>
          ) : null}
        </fieldset>

        <fieldset className="offer-section">
          <legend>{t("offers.filesLegend")}</legend>
          {props.lastResult?.status === "error" ? <p className="notice">{t("offers.filesAgain")}</p> : null}
          {props.media?.length ? (
            <fieldset className="field" key={fields.removeMedia.key}>
              <legend>{t("offers.currentFiles")}</legend>
              {props.media.map((m) => (
                <div className="radio" key={m.key}>
                  <input
                    type="checkbox"
                    id={`remove-${m.key}`}
                    name="removeMedia"
                    value={m.key}
                    defaultChecked={removing.has(m.key)}
                  />
                  <label htmlFor={`remove-${m.key}`}>
                    {t("offers.removeFile", { name: m.originalName })} ({t(`offers.mediaKinds.${m.kind}`)})
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <FileInput
            field={fields.logo}
            label={t("offers.logo")}
            hint={t("offers.logoHint")}
            accept="image/png,image/jpeg,image/webp"
          />
          <FileInput
            field={fields.images}
            label={t("offers.images")}
            hint={t("offers.imagesHint")}
            accept="image/png,image/jpeg,image/webp"
            multiple
          />
          <FileInput
            field={fields.brochure}
            label={t("offers.brochure")}
            hint={t("offers.brochureHint")}
            accept="application/pdf,.pdf"
          />
        </fieldset>

        <fieldset className="offer-section">
          <legend>{t("offers.contactLegend")}</legend>
          <TextField field={fields.contactName} label={t("offers.contactName")} optional />
          <TextField field={fields.contactEmail} label={t("offers.contactEmail")} type="email" optional />
          <TextField field={fields.contactPhone} label={t("offers.contactPhone")} optional />
        </fieldset>
        <button type="submit" className="button">
          {props.submitLabel}
        </button>
      </Form>
    </>
  );
}

type SavedContent = {
  titleVi: string;
  titleEn: string | null;
  summaryVi: string;
  summaryEn: string | null;
  descriptionMd: string;
  trl: number | null;
  deploymentModel: string | null;
  ipStatus: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  termIds: string[];
  packages: { name: string; priceVnd: number | null; unit: string; description?: string | null }[];
  references: { customer: string; year: number; result: string }[];
};

// The form's starting values: the saved package and reference rows and one empty row of each to fill.
export function offerFormDefaults(content?: SavedContent, terms?: OfferFormTerms) {
  const ofKind = (list: Term[] | undefined) =>
    (content?.termIds ?? []).filter((id) => list?.some((term) => term.id === id));
  // Dotted groups (1.500.000) whatever the page language: the parser reads them back.
  const digits = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
  const { termIds: _termIds, packages = [], references = [], ...rest } = content ?? {};
  return {
    ...rest,
    trl: content?.trl ? String(content.trl) : "",
    sectorIds: ofKind(terms?.SECTOR),
    technologyIds: ofKind(terms?.TECHNOLOGY),
    businessNeedIds: ofKind(terms?.BUSINESS_NEED),
    packages: visibleRows(
      packages.map((p) => ({
        name: p.name,
        unit: p.unit,
        description: p.description ?? "",
        price: p.priceVnd === null ? "" : digits.format(p.priceVnd),
        onRequest: p.priceVnd === null ? "on" : "",
      })),
      MAX_PACKAGES,
    ),
    references: visibleRows(
      references.map((r) => ({ ...r, year: String(r.year) })),
      MAX_REFERENCES,
    ),
  };
}

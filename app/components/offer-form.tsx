import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, RadioGroup, SelectField, TextAreaField, TextField, translateError } from "~/components/form";
import { TermSuggestions, type Suggestions } from "~/components/term-suggestions";
import { MAX_PACKAGES, MAX_REFERENCES, deploymentModels, offerSchema, trlLevels, type OfferFormInput } from "~/schemas/offer";

type Term = { id: string; nameVi: string; nameEn: string };
export type OfferFormTerms = { SECTOR: Term[]; TECHNOLOGY: Term[]; BUSINESS_NEED: Term[] };
export type OfferFormMedia = { key: string; kind: "LOGO" | "IMAGE" | "BROCHURE"; storedName: string; originalName: string };
// Files are not in the schema, but the server reports their errors under these names.
type FormShape = OfferFormInput & { logo?: string; images?: string; brochure?: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>;

function Errors({ field }: { field: AnyField }) {
  const { t } = useTranslation();
  if (!field.errors?.length) return null;
  return <p className="error-message" id={field.errorId}>{field.errors.map((e) => translateError(t, e)).join(" ")}</p>;
}

function CheckboxGroup(props: { field: AnyField; legend: string; hint?: string; terms: Term[] }) {
  const { i18n } = useTranslation();
  const { field } = props;
  const checked = new Set([field.initialValue ?? []].flat() as string[]);
  const hintId = props.hint ? `${field.id}-hint` : undefined;
  const describedBy = [hintId, field.errors?.length ? field.errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={field.errors?.length ? "field field-error" : "field"} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {props.hint ? <p className="hint" id={hintId}>{props.hint}</p> : null}
      <Errors field={field} />
      <div className="offer-checkbox-grid">
        {props.terms.map((term, index) => {
          const id = index === 0 ? field.id : `${field.id}-${term.id}`;
          return (
            <div className="radio" key={`${field.key ?? ""}-${term.id}`}>
              <input type="checkbox" id={id} name={field.name} value={term.id} defaultChecked={checked.has(term.id)} />
              <label htmlFor={id}>{i18n.language === "en" ? term.nameEn : term.nameVi}</label>
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
      <p className="hint" id={`${field.id}-hint`}>{props.hint}</p>
      <Errors field={field} />
      <input
        type="file" id={field.id} name={field.name} accept={props.accept} multiple={props.multiple}
        aria-invalid={field.errors?.length ? true : undefined} aria-describedby={describedBy}
      />
    </div>
  );
}

// After a failed submit conform rebuilds rows from what was posted; a client
// that sent fewer rows would otherwise get fewer empty rows back.
function withAllRows(result: SubmissionResult<string[]> | undefined) {
  if (!result?.initialValue) return result;
  const pad = (rows: unknown, n: number) => {
    const list = Array.isArray(rows) ? rows : rows === undefined ? [] : [rows];
    return [...list, ...Array.from({ length: Math.max(0, n - list.length) }, () => ({}))];
  };
  const value = result.initialValue as Record<string, unknown>;
  return { ...result, initialValue: { ...value, packages: pad(value.packages, MAX_PACKAGES), references: pad(value.references, MAX_REFERENCES) } } as SubmissionResult<string[]>;
}

export function OfferForm(props: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: ReturnType<typeof offerFormDefaults>;
  terms: OfferFormTerms;
  media?: OfferFormMedia[];
  submitLabel: string;
  suggestions?: Suggestions | null;
}) {
  const { t } = useTranslation();
  // Memoised: conform resets the form whenever lastResult changes identity.
  const lastResult = useMemo(() => withAllRows(props.lastResult), [props.lastResult]);
  const [form, fields] = useForm<FormShape>({
    id: "offer",
    lastResult,
    // Conform serialises defaults as strings ("on", "3"), not the schema's input types.
    defaultValue: props.defaultValue as unknown as FormShape,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // The schema's output (parsed rows) differs from the form's shape; conform only needs the errors.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: offerSchema }) as never,
  });
  const packageRows = fields.packages.getFieldList().slice(0, MAX_PACKAGES).map((row) => row.getFieldset());
  const referenceRows = fields.references.getFieldList().slice(0, MAX_REFERENCES).map((row) => row.getFieldset());
  // Fieldsets are proxies without own keys, so name the row fields.
  const rowFields = <K extends string>(prefix: string, rows: Record<K, AnyField>[], keys: K[]) =>
    Object.fromEntries(rows.flatMap((row, i) => keys.map((k) => [`${prefix}-${i}-${k}`, row[k]])));
  // Every field in page order, so the error summary lists them as they appear.
  const summary: Record<string, AnyField> = {
    titleVi: fields.titleVi, titleEn: fields.titleEn, summaryVi: fields.summaryVi, summaryEn: fields.summaryEn,
    descriptionMd: fields.descriptionMd, sectorIds: fields.sectorIds, technologyIds: fields.technologyIds,
    businessNeedIds: fields.businessNeedIds, trl: fields.trl, deploymentModel: fields.deploymentModel, ipStatus: fields.ipStatus,
    packages: fields.packages, ...rowFields("packages", packageRows, ["name", "price", "unit", "onRequest"]),
    references: fields.references, ...rowFields("references", referenceRows, ["customer", "year", "result"]),
    logo: fields.logo, images: fields.images, brochure: fields.brochure,
    contactName: fields.contactName, contactEmail: fields.contactEmail, contactPhone: fields.contactPhone,
  };
  // Ticks for removal survive a failed submit like everything else typed.
  const removing = new Set([fields.removeMedia.initialValue ?? []].flat() as string[]);
  return (
    <>
      <ErrorSummary fields={summary} formErrors={form.errors} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="offer-form">
        <TextField field={fields.titleVi} label={t("offers.titleVi")} />
        <TextField field={fields.titleEn} label={t("offers.titleEn")} hint={t("offers.englishHint")} optional />
        <TextAreaField field={fields.summaryVi} label={t("offers.summaryVi")} hint={t("offers.summaryHint")} />
        <TextAreaField field={fields.summaryEn} label={t("offers.summaryEn")} hint={t("offers.englishHint")} optional />
        <TextAreaField field={fields.descriptionMd} label={t("offers.description")} hint={t("offers.descriptionHint")} />
        <TermSuggestions formId={form.id} kind="offer" initial={props.suggestions} />
        <CheckboxGroup field={fields.sectorIds} legend={t("offers.sectorsLegend")} hint={t("offers.sectorsHint")} terms={props.terms.SECTOR} />
        <CheckboxGroup field={fields.technologyIds} legend={t("offers.technologiesLegend")} terms={props.terms.TECHNOLOGY} />
        <CheckboxGroup field={fields.businessNeedIds} legend={t("offers.businessNeedsLegend")} terms={props.terms.BUSINESS_NEED} />
        <SelectField
          field={fields.trl} label={t("offers.trl")} hint={t("offers.trlHint")}
          options={[{ value: "", label: t("offers.trlChoose") }, ...trlLevels.map((n) => ({ value: String(n), label: t(`offers.trlLevels.level${n}`) }))]}
        />
        <RadioGroup field={fields.deploymentModel} legend={t("offers.deployment")} options={deploymentModels.map((m) => ({ value: m, label: t(`offers.deploymentModels.${m}`) }))} />
        <TextField field={fields.ipStatus} label={t("offers.ipStatus")} hint={t("offers.ipStatusHint")} optional />

        <fieldset className="offer-rows">
          <legend>{t("offers.packagesLegend")}</legend>
          <p className="hint">{t("offers.packagesHint")}</p>
          <Errors field={fields.packages} />
          {packageRows.map((row, i) => (
            <fieldset key={i} className="offer-row">
              <legend>{t("offers.packageRow", { n: i + 1 })}</legend>
              <TextField field={row.name} label={t("offers.packageName")} />
              <TextField field={row.price} label={t("offers.packagePrice")} />
              <TextField field={row.unit} label={t("offers.packageUnit")} hint={t("offers.packageUnitHint")} />
              <div className="radio">
                <input {...getInputProps(row.onRequest, { type: "checkbox" })} key={row.onRequest.key} />
                <label htmlFor={row.onRequest.id}>{t("offers.packageOnRequest")}</label>
              </div>
            </fieldset>
          ))}
        </fieldset>

        <fieldset className="offer-rows">
          <legend>{t("offers.referencesLegend")}</legend>
          <p className="hint">{t("offers.referencesHint")}</p>
          <Errors field={fields.references} />
          {referenceRows.map((row, i) => (
            <fieldset key={i} className="offer-row">
              <legend>{t("offers.referenceRow", { n: i + 1 })}</legend>
              <TextField field={row.customer} label={t("offers.referenceCustomer")} />
              <TextField field={row.year} label={t("offers.referenceYear")} type="number" />
              <TextField field={row.result} label={t("offers.referenceResult")} />
            </fieldset>
          ))}
        </fieldset>

        <fieldset className="offer-rows">
          <legend>{t("offers.filesLegend")}</legend>
          {props.lastResult?.status === "error" ? <p className="notice">{t("offers.filesAgain")}</p> : null}
          {props.media?.length ? (
            <fieldset className="field" key={fields.removeMedia.key}>
              <legend>{t("offers.currentFiles")}</legend>
              {props.media.map((m) => (
                <div className="radio" key={m.key}>
                  <input type="checkbox" id={`remove-${m.key}`} name="removeMedia" value={m.key} defaultChecked={removing.has(m.key)} />
                  <label htmlFor={`remove-${m.key}`}>
                    {t("offers.removeFile", { name: m.originalName })} ({t(`offers.mediaKinds.${m.kind}`)})
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <FileInput field={fields.logo} label={t("offers.logo")} hint={t("offers.logoHint")} accept="image/png,image/jpeg,image/webp" />
          <FileInput field={fields.images} label={t("offers.images")} hint={t("offers.imagesHint")} accept="image/png,image/jpeg,image/webp" multiple />
          <FileInput field={fields.brochure} label={t("offers.brochure")} hint={t("offers.brochureHint")} accept="application/pdf,.pdf" />
        </fieldset>

        <fieldset className="offer-rows">
          <legend>{t("offers.contactLegend")}</legend>
          <TextField field={fields.contactName} label={t("offers.contactName")} optional />
          <TextField field={fields.contactEmail} label={t("offers.contactEmail")} type="email" optional />
          <TextField field={fields.contactPhone} label={t("offers.contactPhone")} optional />
        </fieldset>
        <button type="submit" className="button">{props.submitLabel}</button>
      </Form>
    </>
  );
}

type SavedContent = {
  titleVi: string; titleEn: string | null; summaryVi: string; summaryEn: string | null; descriptionMd: string;
  trl: number | null; deploymentModel: string | null; ipStatus: string | null;
  contactName: string | null; contactEmail: string | null; contactPhone: string | null; termIds: string[];
  packages: { name: string; priceVnd: number | null; unit: string }[];
  references: { customer: string; year: number; result: string }[];
};

// The form's starting values, always with five package and five reference rows.
export function offerFormDefaults(content?: SavedContent, terms?: OfferFormTerms) {
  const pad = <T,>(rows: T[], n: number, empty: T) => [...rows, ...Array.from({ length: Math.max(0, n - rows.length) }, () => empty)];
  const ofKind = (list: Term[] | undefined) => (content?.termIds ?? []).filter((id) => list?.some((term) => term.id === id));
  // Dotted groups (1.500.000) whatever the page language: the parser reads them back.
  const digits = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
  const { termIds: _termIds, packages = [], references = [], ...rest } = content ?? {};
  return {
    ...rest,
    trl: content?.trl ? String(content.trl) : "",
    sectorIds: ofKind(terms?.SECTOR),
    technologyIds: ofKind(terms?.TECHNOLOGY),
    businessNeedIds: ofKind(terms?.BUSINESS_NEED),
    packages: pad(
      packages.map((p) => ({ name: p.name, unit: p.unit, price: p.priceVnd === null ? "" : digits.format(p.priceVnd), onRequest: p.priceVnd === null ? "on" : "" })),
      MAX_PACKAGES, { name: "", unit: "", price: "", onRequest: "" },
    ),
    references: pad(references.map((r) => ({ ...r, year: String(r.year) })), MAX_REFERENCES, { customer: "", year: "", result: "" }),
  };
}

import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type Suggested = { id: string; slug: string; nameVi: string; nameEn: string; evidence: string[] };
export type Suggestions = { sectors: Suggested[]; technologies: Suggested[] };

// Which fields are read, as in suggestFromForm (app/route-actions/term-suggestions.server.ts).
const FIELDS = {
  offer: { title: ["titleVi", "titleEn"], body: ["summaryVi", "summaryEn", "descriptionMd"] },
  statement: { title: ["title"], body: ["context", "targetUsers", "scopeOfWork", "deliverable", "successCriteria"] },
} as const;
const GROUPS = ["sectors", "technologies"] as const;
const DEBOUNCE_MS = 700;
const MIN_TEXT = 15;

/**
 * "Gợi ý lĩnh vực và công nghệ" inside an offer or problem form. With
 * JavaScript, suggestions follow the typing. Without it, the "Gợi ý" button
 * posts the form (intent=suggest) and the page comes back with everything
 * typed kept and the suggestions shown (and, for offers, ticked). The offer
 * form marks suggested terms on its own checkboxes (onSuggestions), so this
 * box only lists them: a second set of checkboxes for the same terms was
 * confusing.
 */
export function TermSuggestions(props: {
  formId: string;
  kind: keyof typeof FIELDS;
  initial?: Suggestions | null;
  onSuggestions?: (suggestions: Suggestions | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(props.initial ?? null);
  const [loading, setLoading] = useState(false);
  const suggestNow = useRef<() => void>(() => undefined);
  useEffect(() => setHydrated(true), []);
  useEffect(() => setSuggestions(props.initial ?? null), [props.initial]);
  const { onSuggestions } = props;
  useEffect(() => onSuggestions?.(suggestions), [suggestions, onSuggestions]);

  useEffect(() => {
    const form = document.getElementById(props.formId);
    if (!(form instanceof HTMLFormElement)) return;
    const fields = FIELDS[props.kind];
    const watched = new Set<string>([...fields.title, ...fields.body]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    const fetchSuggestions = async (always = false) => {
      const data = new FormData(form);
      const read = (names: readonly string[]) => names.map((name) => String(data.get(name) ?? "")).join("\n");
      const title = read(fields.title);
      const text = read(fields.body);
      if ((title + text).trim().length < MIN_TEXT) {
        if (always) setSuggestions({ sectors: [], technologies: [] });
        return;
      }
      controller?.abort();
      controller = new AbortController();
      setLoading(true);
      try {
        const response = await fetch("/taxonomy/suggest", {
          method: "POST",
          body: new URLSearchParams({ title, text }),
          signal: controller.signal,
        });
        if (response.ok) setSuggestions((await response.json()) as Suggestions);
      } catch {
        // Aborted by newer typing, or offline: the last suggestions stay.
      } finally {
        setLoading(false);
      }
    };
    const onInput = (event: Event) => {
      const name = (event.target as HTMLInputElement | null)?.name ?? "";
      if (!watched.has(name)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void fetchSuggestions(), DEBOUNCE_MS);
    };
    suggestNow.current = () => void fetchSuggestions(true);
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    return () => {
      form.removeEventListener("input", onInput);
      form.removeEventListener("change", onInput);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [props.formId, props.kind]);

  const english = i18n.language === "en";
  const name = (term: Suggested) => (english ? term.nameEn : term.nameVi);
  const because = (term: Suggested) =>
    term.evidence.length ? ` (${t("classify.because", { evidence: term.evidence.join(", ") })})` : "";
  const empty = suggestions && suggestions.sectors.length === 0 && suggestions.technologies.length === 0;
  const hintId = `${props.formId}-suggest-hint`;

  return (
    <fieldset className="field term-suggestions" aria-describedby={hintId}>
      <legend>{t("classify.title")}</legend>
      <p className="hint" id={hintId}>
        {props.kind === "offer" ? t("offers.suggestionsHint") : t("classify.statementInfo")}
      </p>
      <div aria-live="polite">
        {loading ? <p className="hint">{t("classify.loading")}</p> : null}
        {empty ? <p>{t("classify.none")}</p> : null}
        {suggestions && !empty ? (
          <>
            {props.kind === "offer" ? (
              <p className="notice">{hydrated ? t("offers.suggestionsMarked") : t("classify.ticked")}</p>
            ) : null}
            {GROUPS.map((group) =>
              suggestions[group].length ? (
                <div key={group}>
                  <p>
                    <strong>{group === "sectors" ? t("classify.sectors") : t("classify.technologies")}</strong>
                  </p>
                  <ul>
                    {suggestions[group].map((term) => (
                      <li key={term.id}>
                        {props.kind === "statement" && group === "sectors" ? (
                          <a href={`/search?type=offer&sector=${term.slug}`}>
                            {t("classify.statementSearch", { name: name(term) })}
                          </a>
                        ) : (
                          name(term)
                        )}
                        <span className="hint">{because(term)}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null,
            )}
          </>
        ) : null}
      </div>
      {/* With JavaScript the button asks at once instead of posting a half-filled form, which would only show its errors. */}
      <button
        type={hydrated ? "button" : "submit"}
        name="intent"
        value="suggest"
        formNoValidate
        className="button button-secondary"
        title={t("classify.buttonHint")}
        onClick={hydrated ? () => suggestNow.current() : undefined}
      >
        {t("classify.button")}
      </button>
    </fieldset>
  );
}

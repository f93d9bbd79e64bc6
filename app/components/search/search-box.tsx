import { useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SearchDocType } from "../../../search/types.ts";

export type SuggestionView = { title: string; type: SearchDocType; url: string };

const DEBOUNCE_MS = 200;
export const SUGGEST_MIN_LENGTH = 2;

/**
 * A search input that offers instant suggestions once JavaScript is running
 * (ARIA 1.2 combobox with a listbox popup). Before hydration, or without
 * JavaScript, it is a plain text box in the surrounding GET form, so the
 * combobox roles are only added once the suggestions can actually appear.
 */
export function SearchBox(props: {
  id: string;
  label: string;
  labelHidden?: boolean;
  hint?: string;
  defaultValue?: string;
  maxLength?: number;
  invalid?: boolean;
  describedBy?: string;
  buttonLabel: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ suggestions?: SuggestionView[] }>();
  const navigate = useNavigate();
  const [enhanced, setEnhanced] = useState(false);
  const [value, setValue] = useState(props.defaultValue ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setEnhanced(true);
    // A search submitted before the debounce fires needs no suggestions.
    const form = input.current?.form;
    const cancel = () => {
      clearTimeout(timer.current);
      setOpen(false);
    };
    form?.addEventListener("submit", cancel);
    return () => {
      clearTimeout(timer.current);
      form?.removeEventListener("submit", cancel);
    };
  }, []);

  const suggestions = enhanced && value.trim().length >= SUGGEST_MIN_LENGTH ? fetcher.data?.suggestions ?? [] : [];
  const expanded = open && suggestions.length > 0;
  const listId = `${props.id}-suggestions`;
  const optionId = (index: number) => `${props.id}-suggestion-${index}`;
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const describedBy = [hintId, props.describedBy].filter(Boolean).join(" ") || undefined;

  function onChange(next: string) {
    setValue(next);
    setActive(-1);
    setOpen(true);
    clearTimeout(timer.current);
    const q = next.trim();
    if (q.length < SUGGEST_MIN_LENGTH || q.length > 100) return;
    timer.current = setTimeout(() => fetcher.load(`/search/suggest?${new URLSearchParams({ q })}`), DEBOUNCE_MS);
  }

  function choose(suggestion: SuggestionView) {
    setOpen(false);
    setActive(-1);
    navigate(suggestion.url);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length;
    if (event.key === "ArrowDown" && count > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % count);
    } else if (event.key === "ArrowUp" && count > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index <= 0 ? count - 1 : index - 1));
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter" && expanded && active >= 0 && suggestions[active]) {
      // Enter on a highlighted suggestion opens it; otherwise the form searches.
      event.preventDefault();
      choose(suggestions[active]);
    }
  }

  return (
    <div className={["search-box", props.className].filter(Boolean).join(" ")}>
      <label htmlFor={props.id} className={props.labelHidden ? "visually-hidden" : "search-box-label"}>
        {props.label}
      </label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <div className="search-box-row">
        <div className="search-box-field">
          <input
            ref={input}
            id={props.id}
            name="q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={value}
            maxLength={props.maxLength}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            onFocus={() => setOpen(true)}
            aria-invalid={props.invalid ? true : undefined}
            aria-describedby={describedBy}
            {...(enhanced
              ? {
                  role: "combobox",
                  "aria-autocomplete": "list" as const,
                  "aria-expanded": expanded,
                  "aria-controls": listId,
                  "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
                }
              : {})}
          />
          {enhanced ? (
            <ul
              id={listId}
              role="listbox"
              aria-label={t("search.suggestionsLabel")}
              className="search-suggestions"
              hidden={!expanded}
            >
              {suggestions.map((suggestion, index) => (
                <li
                  key={suggestion.url}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? "search-suggestion search-suggestion-active" : "search-suggestion"}
                  // Keeps focus in the input so the blur does not close the list before the click lands.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(suggestion)}
                >
                  <span className="search-suggestion-title">{suggestion.title}</span>{" "}
                  <span className="search-suggestion-type">{t(`search.types.${suggestion.type}`)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <button type="submit" className="button search-box-button">
          {props.buttonLabel}
        </button>
      </div>
      {/* Remix finds routes lazily, from the links on the page. A fetcher to a route it has not found yet
          becomes a 404 error page if a navigation starts meanwhile (react-router #13114, fixed only in v7),
          so this hidden link makes the suggest route known when the page loads. */}
      <a href="/search/suggest" data-discover="true" hidden tabIndex={-1} aria-hidden="true" />
      {enhanced ? (
        // aria-live without role="status": pages keep a single status region, their flash message.
        <div aria-live="polite" className="visually-hidden">
          {expanded ? t("search.suggestionCount", { count: suggestions.length }) : ""}
        </div>
      ) : null}
    </div>
  );
}

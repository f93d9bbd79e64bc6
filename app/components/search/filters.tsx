import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FilterField } from "~/schemas/search";

export type FacetOption = { value: string; label: string; count: number; selected: boolean };
export type FacetGroup = { field: FilterField; options: FacetOption[] };
export type SelectedFilter = { field: FilterField; label: string; removeUrl: string };

// Wide enough for the filters to sit beside the results (search.css uses the same width).
const SIDEBAR_MEDIA = "(min-width: 761px)";

// One checkbox fieldset per facet, applied with a submit button, as in GOV.UK's
// Digital Marketplace. On a phone the ~40 checkboxes would push the results a
// couple of screens down, so the whole panel sits in one <details> disclosure
// ("Lọc"), closed by default: it opens and closes without JavaScript, and its
// summary says how many filters are on. Beside the results (wide screens) there
// is room, so once JavaScript runs the panel opens itself there.
export function FilterPanel({
  groups,
  formId,
  activeCount,
}: {
  groups: FacetGroup[];
  formId: string;
  activeCount: number;
}) {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current && window.matchMedia(SIDEBAR_MEDIA).matches) details.current.open = true;
  }, []);
  return (
    <details className="search-filter-toggle" ref={details}>
      <summary className="search-filter-summary">
        <span className="search-filter-summary-label">{t("search.filterToggle")}</span>
        {activeCount > 0 ? (
          <span className="search-filter-active">{` (${t("search.filterActive", { count: activeCount })})`}</span>
        ) : null}
      </summary>
      <div className="search-filters">
        {groups.map((group) => (
          <fieldset key={group.field} className="search-facet">
            <legend>{t(`search.fields.${group.field}`)}</legend>
            {group.options.map((option) => {
              const id = `filter-${group.field}-${option.value}`;
              return (
                <div className="search-checkbox" key={option.value}>
                  <input
                    type="checkbox"
                    id={id}
                    name={group.field}
                    value={option.value}
                    defaultChecked={option.selected}
                    form={formId}
                  />
                  <label htmlFor={id}>
                    {option.label} <span className="search-count">{`(${option.count})`}</span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        ))}
        <button type="submit" className="button button-secondary" form={formId}>
          {t("search.applyFilters")}
        </button>
      </div>
    </details>
  );
}

export function SelectedFilters({ selected, clearUrl }: { selected: SelectedFilter[]; clearUrl: string }) {
  const { t } = useTranslation();
  if (selected.length === 0) return null;
  return (
    <div className="search-selected">
      <h2 className="search-selected-title">{t("search.selectedFilters")}</h2>
      <ul>
        {selected.map((filter) => (
          <li key={`${filter.field}:${filter.removeUrl}`}>
            <Link to={filter.removeUrl} className="search-selected-link">
              <span className="visually-hidden">{`${t("search.removeFilter")}: `}</span>
              {`${t(`search.fields.${filter.field}`)}: ${filter.label}`}
              <span aria-hidden="true"> ×</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={clearUrl}>{t("search.clearFilters")}</Link>
      </p>
    </div>
  );
}

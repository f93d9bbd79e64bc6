import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FilterField } from "~/schemas/search";

export type FacetOption = { value: string; label: string; count: number; selected: boolean };
export type FacetGroup = { field: FilterField; options: FacetOption[] };
export type SelectedFilter = { field: FilterField; label: string; removeUrl: string };

// GOV.UK Digital Marketplace style: one fieldset of checkboxes per facet,
// applied with a submit button so it works without JavaScript.
export function FilterPanel({ groups, formId }: { groups: FacetGroup[]; formId: string }) {
  const { t } = useTranslation();
  return (
    <div className="search-filters">
      <h2>{t("search.filtersTitle")}</h2>
      {groups.map((group) => (
        <fieldset key={group.field} className="search-facet">
          <legend>{t(`search.fields.${group.field}`)}</legend>
          {group.options.map((option) => {
            const id = `filter-${group.field}-${option.value}`;
            return (
              <div className="search-checkbox" key={option.value}>
                <input type="checkbox" id={id} name={group.field} value={option.value} defaultChecked={option.selected} form={formId} />
                <label htmlFor={id}>
                  {option.label} <span className="search-count">{`(${option.count})`}</span>
                </label>
              </div>
            );
          })}
        </fieldset>
      ))}
      <button type="submit" className="button button-secondary" form={formId}>{t("search.applyFilters")}</button>
    </div>
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
      <p><Link to={clearUrl}>{t("search.clearFilters")}</Link></p>
    </div>
  );
}

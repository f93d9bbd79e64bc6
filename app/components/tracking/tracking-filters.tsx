import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type TrackingFilterView = { listId?: string; ownerId?: string; overdueOnly?: boolean };

// A plain GET form: filtering works without JavaScript and the address can be shared.
export function TrackingFilters(props: {
  filter: TrackingFilterView;
  lists: { id: string; name: string }[];
  owners: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const { filter } = props;
  return (
    <Form method="get" className="filter-bar no-print" aria-label={t("tracking.filters")}>
      <label htmlFor="tracking-list">{t("tracking.list")}</label>
      <select id="tracking-list" name="list" defaultValue={filter.listId ?? ""}>
        <option value="">{t("tracking.allLists")}</option>
        {props.lists.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <label htmlFor="tracking-owner">{t("tracking.owner")}</label>
      <select id="tracking-owner" name="owner" defaultValue={filter.ownerId ?? ""}>
        <option value="">{t("tracking.allOwners")}</option>
        <option value="none">{t("tracking.noOwnerFilter")}</option>
        {props.owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <span className="checkbox-inline">
        <input type="checkbox" id="tracking-overdue" name="overdue" value="1" defaultChecked={filter.overdueOnly} />
        <label htmlFor="tracking-overdue">{t("tracking.overdueOnly")}</label>
      </span>
      <button type="submit" className="button button-secondary button-small">
        {t("tracking.apply")}
      </button>
    </Form>
  );
}

// The same filters as the page, so a download is the table on screen.
export function downloadQuery(filter: TrackingFilterView) {
  const params = new URLSearchParams();
  if (filter.listId) params.set("list", filter.listId);
  if (filter.ownerId) params.set("owner", filter.ownerId);
  if (filter.overdueOnly) params.set("overdue", "1");
  const query = params.toString();
  return query ? `?${query}` : "";
}

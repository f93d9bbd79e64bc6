import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { pickText } from "~/utils/bilingual";

/** pickText in the page's language. */
export function usePick() {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  return (vi: string, en: string | null | undefined) => pickText(language, vi, en);
}

/** "This text is available in Vietnamese only.", shown next to text that has no English version. */
export function VietnameseOnlyNote({ show, id }: { show: boolean; id?: string }) {
  const { t } = useTranslation();
  return show ? (
    <p className="hint vietnamese-only" id={id}>
      {t("bilingual.viOnly")}
    </p>
  ) : null;
}

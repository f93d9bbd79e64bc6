import { useTranslation } from "react-i18next";
import type { FlashMessage } from "~/models/session.server";

export function FlashBanner({ message }: { message: FlashMessage }) {
  const { i18n } = useTranslation();
  // The key was chosen by one of our own actions and stored in the cookie,
  // so it cannot be checked at compile time like literal keys are.
  const translate = i18n.t as unknown as (key: string, params?: Record<string, string>) => string;
  return (
    <div className="notice notice-success" role="status">
      {translate(message.key, message.params)}
    </div>
  );
}

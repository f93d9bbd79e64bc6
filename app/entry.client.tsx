import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultLanguage, i18nOptions } from "~/i18n/config";

async function hydrate() {
  // Both catalogues are small and bundled, so the page never waits on a fetch.
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    lng: document.documentElement.lang || defaultLanguage,
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();

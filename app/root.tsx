import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { FlashBanner } from "~/components/flash-banner";
import { SearchBox } from "~/components/search/search-box";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { metaT, withSiteName } from "~/i18n/meta";
import { unreadNotificationCount } from "~/models/notification.server";
import { readFlash } from "~/models/session.server";
import { paymentsMode } from "~/payments/provider.server";
import stylesheet from "~/styles/app.css";
import fontStylesheet from "~/styles/fonts.css";
import { getOptionalUser, isStaff } from "~/utils/permissions.server";
import { useNonce } from "~/utils/nonce";

// Icons made by scripts/make-icons.ts: browsers that read SVG favicons take
// the SVG, the rest the 32 px PNG; iOS its 180 px home-screen icon.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: fontStylesheet },
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon-32.png", type: "image/png", sizes: "32x32" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
];

// Pages that describe themselves replace this; Remix uses the deepest meta.
// When the error boundary renders, this is the deepest meta, so it names the error.
export const meta: MetaFunction<typeof loader> = ({ matches, error }) => {
  const t = metaT(matches);
  let title = t("meta.siteName");
  if (isRouteErrorResponse(error) && error.status === 404) title = withSiteName(t, t("errors.notFoundTitle"));
  else if (isRouteErrorResponse(error) && error.status === 403) title = withSiteName(t, t("errors.forbiddenTitle"));
  else if (error) title = withSiteName(t, t("errors.title"));
  return [{ title }, { name: "description", content: t("meta.description") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const [language, user, flash] = await Promise.all([
    i18next.getLocale(request) as Promise<Language>,
    getOptionalUser(request),
    readFlash(request),
  ]);
  return json(
    {
      language,
      user: user
        ? {
            name: user.name,
            email: user.email,
            role: user.role,
            isStaff: isStaff(user),
            unread: await unreadNotificationCount(user.id),
          }
        : null,
      flash: flash.message,
      // Money pages show a test-payments or payments-off banner (PaymentsModeBanner).
      payments: paymentsMode(),
    },
    { headers: flash.setCookie ? { "Set-Cookie": flash.setCookie } : {} },
  );
}

export const handle = { i18n: "translation" };

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  // Without the root loader's data (it failed), the language this render uses:
  // on the server the request's, in the browser what the server rendered.
  const language = data?.language ?? (isLanguage(i18n.language) ? i18n.language : defaultLanguage);
  const nonce = useNonce();
  useChangeLanguage(language);
  return (
    <html lang={language} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main-content">
          {t("layout.skipLink")}
        </a>
        <SiteHeader />
        <main id="main-content" className="container" tabIndex={-1}>
          {data?.flash ? <FlashBanner message={data.flash} /> : null}
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t("layout.footer")}</p>
            <p>
              <Link to="/organisations">{t("profiles.directoryTitle")}</Link>
            </p>
            <p>
              <Link to="/api">{t("openApi.page.footerLink")}</Link>
            </p>
            <p>
              <Link to="/results">{t("tracking.results.title")}</Link>
            </p>
            <p>
              <Link to="/open-data">{t("openData.page.footerLink")}</Link>
            </p>
            <nav aria-label={t("standardPages.footerNavLabel")}>
              <ul className="footer-links">
                <li>
                  <Link to="/how-it-works">{t("standardPages.titles.howItWorks")}</Link>
                </li>
                <li>
                  <Link to="/faq">{t("standardPages.titles.faq")}</Link>
                </li>
                <li>
                  <Link to="/terms">{t("standardPages.titles.terms")}</Link>
                </li>
                <li>
                  <Link to="/privacy">{t("standardPages.titles.privacy")}</Link>
                </li>
                <li>
                  <Link to="/accessibility">{t("standardPages.titles.accessibility")}</Link>
                </li>
                <li>
                  <Link to="/contact">{t("standardPages.titles.contact")}</Link>
                </li>
              </ul>
            </nav>
            <p>{t("layout.footerResolution")}</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const user = data?.user;
  const current = data?.language ?? (isLanguage(i18n.language) ? i18n.language : defaultLanguage);
  const other = current === "vi" ? "en" : "vi";
  const offersCurrent =
    location.pathname.startsWith("/offers/") ||
    (location.pathname === "/search" && new URLSearchParams(location.search).get("type") === "offer");
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          {/* Decorative: the link's name is the site's name beside it. */}
          <img src="/favicon.svg" alt="" width={32} height={32} className="brand-mark" />
          {t("meta.siteName")}
        </Link>
        <Form method="get" action="/search" role="search" className="header-search">
          <SearchBox
            id="site-search"
            label={t("search.headerLabel")}
            labelHidden
            buttonLabel={t("search.submit")}
            className="search-box-compact"
          />
        </Form>
        <nav aria-label={t("layout.primaryNav")}>
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t("layout.home")}
              </NavLink>
            </li>
            <li>
              {/* NavLink ignores the query string, so it cannot tell the offer tab from other searches. */}
              <Link to="/search?type=offer" aria-current={offersCurrent ? "page" : undefined}>
                {t("layout.offers")}
              </Link>
            </li>
            <li>
              <NavLink to="/problems">{t("layout.problems")}</NavLink>
            </li>
            <li>
              <NavLink to="/major-problems">{t("layout.majorProblems")}</NavLink>
            </li>
            <li>
              <NavLink to="/market">{t("layout.market")}</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/orgs">{t("layout.myOrganisations")}</NavLink>
                </li>
                {user.isStaff ? (
                  <li>
                    <NavLink to="/staff">{t("layout.staffArea")}</NavLink>
                  </li>
                ) : null}
                {user.isStaff ? (
                  <li>
                    <NavLink to="/staff/dashboard">{t("dashboard.title")}</NavLink>
                  </li>
                ) : null}
                {user.role === "ADMIN" ? (
                  <li>
                    <NavLink to="/admin/users">{t("layout.adminUsers")}</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/notifications">
                    {user.unread
                      ? t("curation.notifications.headerUnread", { count: user.unread })
                      : t("curation.notifications.headerLink")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account">{t("layout.account")}</NavLink>
                </li>
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="link-button">
                      {t("layout.signOut")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login">{t("layout.signIn")}</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">{t("layout.signUp")}</NavLink>
                </li>
              </>
            )}
            <li>
              <Form method="post" action="/language" className="language-switch">
                <input type="hidden" name="language" value={other} />
                <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
                <button type="submit" className="link-button" lang={other} aria-label={t("layout.switchToLabel")}>
                  {t("layout.switchTo")}
                </button>
              </Form>
            </li>
          </ul>
        </nav>
        {user ? <p className="signed-in-as">{t("layout.signedInAs", { name: user.name })}</p> : null}
      </div>
    </header>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  let title = t("errors.title");
  let message = t("errors.generic");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) [title, message] = [t("errors.notFoundTitle"), t("errors.notFound")];
    else if (error.status === 403) [title, message] = [t("errors.forbiddenTitle"), t("errors.forbidden")];
    // A 400 or 503 thrown with one of our message keys (an unreadable upload,
    // file storage not answering) says what was wrong.
    else if (
      (error.status === 400 || error.status === 503) &&
      typeof (error.data as { messageKey?: unknown } | null)?.messageKey === "string"
    ) {
      message = (i18n.t as unknown as (key: string) => string)((error.data as { messageKey: string }).messageKey);
    }
  }
  // Stack traces help in development only; production shows the generic page.
  const detail = process.env.NODE_ENV === "development" && error instanceof Error ? error.stack : null;
  return (
    <section className="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      {detail ? <pre>{detail}</pre> : null}
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}

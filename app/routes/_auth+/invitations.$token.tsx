import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptInvitation, findOpenInvitation } from "~/models/invitation.server";
import { flash } from "~/models/session.server";
import { getOptionalUser, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => [
  ...titleMeta(matches, "meta.invitationTitle"),
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [invitation, user] = await Promise.all([findOpenInvitation(params.token ?? ""), getOptionalUser(request)]);
  if (!invitation) return json({ invitation: null, signedIn: Boolean(user), matches: false }, { status: 410 });
  return json({
    invitation: {
      email: invitation.email,
      role: invitation.role,
      organisation: invitation.organisation.name,
      inviter: invitation.invitedBy.name,
    },
    signedIn: Boolean(user),
    matches: user?.email === invitation.email,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const outcome = await acceptInvitation(params.token ?? "", user);
  if (outcome.status !== "accepted")
    return json({ status: outcome.status }, { status: outcome.status === "invalid" ? 410 : 403 });
  return flash(request, `/orgs/${outcome.organisationId}`, {
    key: "invitation.accepted",
    params: { organisation: outcome.organisationName },
  });
}

export default function InvitationPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { invitation, signedIn, matches } = useLoaderData<typeof loader>();
  if (!invitation) {
    return (
      <div className="narrow">
        <div className="notice notice-error" role="alert">
          {t("invitation.invalid")}
        </div>
      </div>
    );
  }
  const redirectTo = encodeURIComponent(location.pathname);
  return (
    <div className="narrow">
      <h1>{t("invitation.title", { organisation: invitation.organisation })}</h1>
      <p className="lead">
        {t("invitation.lead", {
          inviter: invitation.inviter,
          organisation: invitation.organisation,
          role: t(`roles.${invitation.role}`),
        })}
      </p>
      {!signedIn ? (
        <>
          <p>{t("invitation.signInFirst", { email: invitation.email })}</p>
          <p>
            <Link className="button" to={`/login?redirectTo=${redirectTo}`}>
              {t("layout.signIn")}
            </Link>{" "}
            <Link className="button button-secondary" to={`/signup?redirectTo=${redirectTo}`}>
              {t("layout.signUp")}
            </Link>
          </p>
        </>
      ) : matches ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("invitation.accept")}
          </button>
        </Form>
      ) : (
        <div className="notice notice-error" role="alert">
          {t("invitation.wrongAccount", { email: invitation.email })}
        </div>
      )}
    </div>
  );
}

import { getFormProps, useForm } from "@conform-to/react";
import { metaT, withSiteName } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { cancelInvitation, inviteMember } from "~/models/invitation.server";
import { changeMemberRole, getOrganisationForMember, removeMember } from "~/models/organisation.server";
import { flash } from "~/models/session.server";
import {
  cancelInvitationSchema,
  changeRoleSchema,
  inviteSchema,
  memberRoles,
  removeMemberSchema,
} from "~/schemas/organisation";
import { formatDate } from "~/utils/format";
import { forbidden, notFound, requireOrgMember, requireOrgOwner } from "~/utils/permissions.server";
import { publicBaseUrl } from "~/utils/request.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: withSiteName(metaT(matches), data?.organisation.name ?? "") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireOrgMember(request, params.orgId);
  const organisation = await getOrganisationForMember(params.orgId!);
  // Members see who else is in; pending invitations are the owners' business.
  return json({
    organisation: { ...organisation, invitations: role === "OWNER" ? organisation.invitations : [] },
    role,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireOrgOwner(request, params.orgId);
  const organisationId = params.orgId!;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
    const t = await i18next.getFixedT(request);
    const outcome = await inviteMember(user, organisationId, submission.value, publicBaseUrl(request), (vars) => ({
      subject: t("email.inviteSubject", vars),
      text: t("email.inviteBody", { ...vars, role: t(`roles.${submission.value.role}`) }),
    }));
    if (outcome !== "invited") {
      const message = outcome === "already-member" ? "validation.alreadyMember" : "validation.alreadyInvited";
      return json({ result: submission.reply({ fieldErrors: { email: [message] } }) }, { status: 400 });
    }
    return flash(request, `/orgs/${organisationId}`, {
      key: "organisations.invited",
      params: { email: submission.value.email },
    });
  }
  if (intent === "remove-member") {
    const parsed = removeMemberSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw notFound();
    const outcome = await removeMember(user.id, organisationId, parsed.data.membershipId);
    if (outcome === "not-found") throw notFound();
    if (outcome === "last-owner") throw forbidden();
    return flash(request, `/orgs/${organisationId}`, { key: "organisations.memberRemoved" });
  }
  if (intent === "change-role") {
    const parsed = changeRoleSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new Response("Bad Request", { status: 400 });
    const outcome = await changeMemberRole(user.id, organisationId, parsed.data.membershipId, parsed.data.role);
    if (outcome === "not-found") throw notFound();
    if (outcome === "last-owner") throw forbidden();
    return flash(request, `/orgs/${organisationId}`, { key: "organisations.roleChanged" });
  }
  if (intent === "cancel-invitation") {
    const parsed = cancelInvitationSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success || !(await cancelInvitation(user.id, organisationId, parsed.data.invitationId)))
      throw notFound();
    return flash(request, `/orgs/${organisationId}`, { key: "organisations.invitationCancelled" });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { organisation, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const isOwner = role === "OWNER";
  // The last owner cannot be removed (the model refuses), so offer no button.
  const ownerCount = organisation.memberships.filter((m) => m.role === "OWNER").length;
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result,
    defaultValue: { role: "MEMBER" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  return (
    <>
      <h1>{organisation.name}</h1>
      <p>
        <span className={organisation.verifiedAt ? "tag tag-green" : "tag"}>
          {organisation.verifiedAt
            ? t("organisations.verifiedOn", { date: formatDate(organisation.verifiedAt, language) })
            : t("organisations.notVerified")}
        </span>{" "}
        {t("organisations.yourRole", { role: t(`roles.${role}`) })}
      </p>
      <h2>{t("organisations.details")}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t("organisations.kind")}</dt>
          <dd>{t(`organisationKinds.${organisation.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("organisations.taxCode")}</dt>
          <dd>{organisation.taxCode ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("organisations.website")}</dt>
          <dd>
            {organisation.website ? (
              <a href={organisation.website} rel="noopener noreferrer">
                {organisation.website}
              </a>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt>{t("organisations.address")}</dt>
          <dd>{organisation.address ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("organisations.description")}</dt>
          <dd className="prose">{organisation.description ?? "—"}</dd>
        </div>
      </dl>
      <p>{t("organisations.createdOn", { date: formatDate(organisation.createdAt, language) })}</p>
      {isOwner ? (
        <p>
          <Link to="edit" className="button button-secondary">
            {t("organisations.edit")}
          </Link>
        </p>
      ) : null}

      <h2>{t("organisations.workTitle")}</h2>
      <ul className="plain-list">
        {organisation.kind === "PROVIDER" || organisation.kind === "RESEARCH" ? (
          <>
            <li>
              <Link to="offers">{t("organisations.offersLink")}</Link>
            </li>
            <li>
              <Link to="proposals">{t("organisations.proposalsLink")}</Link>
            </li>
            <li>
              <Link to="orders">{t("payments.list.providerTitle")}</Link>
            </li>
            <li>
              <Link to="plan">{t("plans.page.title")}</Link>
            </li>
            <li>
              <Link to="services">{t("plans.services.title")}</Link>
            </li>
          </>
        ) : (
          <li>
            <Link to="problems">{t("organisations.problemsLink")}</Link>
          </li>
        )}
        <li>
          <Link to="/orders">{t("payments.list.buyerTitle")}</Link>
        </li>
        {organisation.slug ? (
          <li>
            <Link to={`/organisations/${organisation.slug}`}>{t("organisations.publicProfileLink")}</Link>
          </li>
        ) : null}
      </ul>

      <h2>{t("organisations.membersTitle")}</h2>
      <TableRegion label={t("organisations.membersTitle")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("auth.name")}</th>
              <th scope="col">{t("organisations.memberEmail")}</th>
              <th scope="col">{t("organisations.memberRole")}</th>
              <th scope="col">{t("organisations.memberSince")}</th>
              {isOwner ? (
                <th scope="col">
                  <span className="visually-hidden">{t("staff.action")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {organisation.memberships.map((m) => (
              <tr key={m.id}>
                <td>{m.user.name}</td>
                <td>{m.user.email}</td>
                <td>{t(`roles.${m.role}`)}</td>
                <td>{formatDate(m.createdAt, language)}</td>
                {isOwner ? (
                  <td>
                    {m.role === "OWNER" && ownerCount === 1 ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove-member" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <button type="submit" className="link-button">
                          {t("organisations.removeMember", { name: m.user.name })}
                        </button>
                      </Form>
                    )}
                    {m.role === "OWNER" && ownerCount === 1 ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <input type="hidden" name="role" value={m.role === "OWNER" ? "MEMBER" : "OWNER"} />
                        <button type="submit" className="link-button">
                          {t(m.role === "OWNER" ? "organisations.makeMember" : "organisations.makeOwner", {
                            name: m.user.name,
                          })}
                        </button>
                      </Form>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      {isOwner ? (
        <>
          {organisation.invitations.length > 0 ? (
            <>
              <h2>{t("organisations.invitationsTitle")}</h2>
              <ul className="plain-list">
                {organisation.invitations.map((invitation) => (
                  <li key={invitation.id}>
                    {invitation.email} — {t(`roles.${invitation.role}`)} —{" "}
                    {t("organisations.invitationExpires", { date: formatDate(invitation.expiresAt, language) })}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="cancel-invitation" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <button type="submit" className="link-button">
                        {t("organisations.cancelInvitation", { email: invitation.email })}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t("organisations.inviteTitle")}</h2>
          <ErrorSummary fields={{ email: fields.email, role: fields.role }} formErrors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="narrow">
            <input type="hidden" name="intent" value="invite" />
            <TextField field={fields.email} label={t("organisations.inviteEmail")} type="email" />
            <SelectField
              field={fields.role}
              label={t("organisations.inviteRole")}
              options={memberRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <button type="submit" className="button">
              {t("organisations.inviteSubmit")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}

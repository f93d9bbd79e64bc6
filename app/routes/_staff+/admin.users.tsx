import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { flash } from "~/models/session.server";
import { listUsers, setPlatformRole } from "~/models/user.server";
import { platformRoles, setRoleSchema } from "~/schemas/staff";
import { formatDate } from "~/utils/format";
import { notFound, requireAdmin } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "admin.usersTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return json({ users: await listUsers() });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = setRoleSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ error: "validation.invalidChoice" as const }, { status: 400 });
  // Keeps at least one administrator: the one acting cannot demote themself.
  if (parsed.data.userId === admin.id && parsed.data.role !== "ADMIN") {
    return json({ error: "admin.cannotDemoteSelf" as const }, { status: 400 });
  }
  const user = await setPlatformRole(admin.id, parsed.data.userId, parsed.data.role).catch(() => null);
  if (!user) throw notFound();
  return flash(request, "/admin/users", { key: "admin.roleSaved", params: { name: user.name } });
}

export default function AdminUsers() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{t("admin.usersTitle")}</h1>
      <p className="lead">{t("admin.usersLead")}</p>
      {actionData?.error ? (
        <div className="notice notice-error" role="alert">
          {t(actionData.error)}
        </div>
      ) : null}
      <TableRegion label={t("admin.usersTitle")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("auth.name")}</th>
              <th scope="col">{t("auth.email")}</th>
              <th scope="col">{t("admin.joined")}</th>
              <th scope="col">{t("admin.role")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{formatDate(u.createdAt, language)}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={u.id} />
                    <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                      {t("admin.setRole", { name: u.name })}
                    </label>
                    <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                      {platformRoles.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button button-small">
                      {t("admin.saveRole")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

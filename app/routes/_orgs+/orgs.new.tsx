import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationForm } from "~/components/organisation-form";
import { createOrganisation, isTaxCodeTaken } from "~/models/organisation.server";
import { flash } from "~/models/session.server";
import { kindsAllowed, organisationSchema } from "~/schemas/organisation";
import { isStaff, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "organisations.createTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ kinds: kindsAllowed(isStaff(user)) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseWithZod(await request.formData(), {
    schema: organisationSchema.superRefine(async (data, ctx) => {
      if (!(kindsAllowed(isStaff(user)) as readonly string[]).includes(data.kind)) {
        ctx.addIssue({ path: ["kind"], code: "custom", message: "validation.invalidChoice" });
      }
      if (await isTaxCodeTaken(data.taxCode)) {
        ctx.addIssue({ path: ["taxCode"], code: "custom", message: "validation.taxCodeTaken" });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") {
    return json({ result: submission.reply() }, { status: 400 });
  }
  const organisation = await createOrganisation(user.id, submission.value);
  return flash(request, `/orgs/${organisation.id}`, { key: "organisations.created" });
}

export default function NewOrganisation() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const { kinds } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("organisations.createTitle")}</h1>
      <p className="lead">{t("organisations.createLead")}</p>
      <OrganisationForm lastResult={actionData?.result} submitLabel={t("organisations.create")} kinds={kinds} />
    </div>
  );
}

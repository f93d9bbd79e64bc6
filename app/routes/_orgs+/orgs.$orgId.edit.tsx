import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationForm } from "~/components/organisation-form";
import { getOrganisationForMember, isTaxCodeTaken, updateOrganisation } from "~/models/organisation.server";
import { flash } from "~/models/session.server";
import { kindsAllowed, organisationSchema } from "~/schemas/organisation";
import { isStaff, requireOrgOwner } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "organisations.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireOrgOwner(request, params.orgId);
  const organisation = await getOrganisationForMember(params.orgId!);
  return json({
    kinds: kindsAllowed(isStaff(user), organisation.kind),
    organisation: {
      name: organisation.name,
      kind: organisation.kind,
      taxCode: organisation.taxCode,
      website: organisation.website,
      address: organisation.address,
      description: organisation.description,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireOrgOwner(request, params.orgId);
  const organisationId = params.orgId!;
  const { kind: currentKind } = await getOrganisationForMember(organisationId);
  const submission = await parseWithZod(await request.formData(), {
    schema: organisationSchema.superRefine(async (data, ctx) => {
      if (!(kindsAllowed(isStaff(user), currentKind) as readonly string[]).includes(data.kind)) {
        ctx.addIssue({ path: ["kind"], code: "custom", message: "validation.invalidChoice" });
      }
      if (await isTaxCodeTaken(data.taxCode, organisationId)) {
        ctx.addIssue({ path: ["taxCode"], code: "custom", message: "validation.taxCodeTaken" });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") {
    return json({ result: submission.reply() }, { status: 400 });
  }
  await updateOrganisation(user.id, organisationId, submission.value);
  return flash(request, `/orgs/${organisationId}`, { key: "organisations.saved" });
}

export default function EditOrganisation() {
  const { t } = useTranslation();
  const { organisation, kinds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>{t("organisations.editTitle")}</h1>
      <OrganisationForm
        lastResult={actionData?.result}
        defaultValue={organisation}
        submitLabel={t("organisations.save")}
        kinds={kinds}
      />
    </div>
  );
}

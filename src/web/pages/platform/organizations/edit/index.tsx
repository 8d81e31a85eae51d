import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Skeleton } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { Organization } from "../../../../../schemas/platform/organizations";
import {
  fetchOrganization,
  organizationKeys,
  useCreateOrganization,
  useOrganization,
  useUpdateOrganization,
} from "../../../../api/platform/organizations";
import { useAccess } from "../../../../auth/session";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { safeReturnTo } from "../../../../components/returnTo";
import { showFieldError } from "../../../../components/serverErrors";
import { useVersionedForm } from "../../../../components/useVersionedForm";
import ForbiddenPage from "../../exception/403";
import { BasicSection } from "./components/BasicSection";
import { AreaSection, ContactSection, PeopleSection } from "./components/OtherSections";
import {
  EMPTY_VALUES,
  FORM_FIELDS,
  mergeOntoLatest,
  type OrganizationFormValues,
  toFormValues,
  toInput,
} from "./formValues";

/** 新建 / 编辑社会组织: one form for both; editing sends the version it started from. */
export default function OrganizationEditPage() {
  const { id } = useParams<{ id: string }>();
  const organization = useOrganization(id);
  const access = useAccess();

  if (!id) return <OrganizationForm key="new" />;
  if (organization.isError)
    return <QueryError error={organization.error} onRetry={() => void organization.refetch()} />;
  if (!organization.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!access.canEditOrganization(organization.data)) return <ForbiddenPage />;
  return <OrganizationForm key={organization.data.id} original={organization.data} />;
}

function OrganizationForm({ original }: { original?: Organization }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const access = useAccess();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrganizationFormValues>();
  const [params] = useSearchParams();
  // Opened from an application (its checklist): saving or cancelling goes back there.
  const returnTo = safeReturnTo(params.get("returnTo"));
  const focus = params.get("focus");
  const leaveTo = returnTo ?? (original ? `/organizations/${original.id}` : "/organizations");
  // The record the form started from: keeping one's values merges them onto the latest from it.
  const [basis, setBasis] = useState(original);
  const editor = useVersionedForm({
    form,
    original,
    fetchLatest: fetchOrganization,
    toFormValues,
    onLatest: (latest, keepMine) => {
      queryClient.setQueryData(organizationKeys.detail(latest.id), latest);
      if (keepMine && basis) {
        const mine = form.getFieldsValue(true) as OrganizationFormValues;
        form.setFieldsValue(mergeOntoLatest(mine, toFormValues(basis), toFormValues(latest)));
      }
      setBasis(latest);
    },
    showFieldError: (error) => showFieldError(form, error, FORM_FIELDS),
    keptMineMessage: t("organization.form.keptMine"),
  });
  const create = useCreateOrganization();
  const update = useUpdateOrganization(original?.id ?? "");
  const saving = create.isPending || update.isPending;
  const maskedPhone = basis?.contactPhoneMasked ? basis.contactPhone : null;
  // Administrative fields are the base's call; for a new record only staff get here anyway.
  const administrative = access.organizationAdministrative;

  const onFinish = async (values: OrganizationFormValues) => {
    editor.clearFormError();
    const input = toInput(values, !!maskedPhone);
    try {
      const saved = original
        ? await update.mutateAsync({ ...input, version: editor.version })
        : await create.mutateAsync(input);
      message.success(original ? t("organization.updated") : t("organization.created"));
      editor.saved();
      if (returnTo) {
        // The page we go back to shows this organization in its own shape (an application's
        // eligibility problems), so whatever is cached of it is stale now.
        await queryClient.invalidateQueries();
        navigate(returnTo, { replace: true });
        return;
      }
      navigate(`/organizations/${saved.id}`, { replace: !original });
    } catch (error) {
      editor.saveFailed(error);
    }
  };

  // A link that names the field to fix (the checklist's "founding date missing") lands on it.
  useEffect(() => {
    if (focus !== "foundedOn") return;
    form.scrollToField(focus, { block: "center" });
    form.focusField(focus);
  }, [focus, form]);

  const title = original ? t("organization.editTitle") : t("organization.createTitle");
  return (
    <>
      <PageHeader title={title} subTitle={original?.name} backTo={leaveTo} />
      <Form<OrganizationFormValues>
        form={form}
        name="organization"
        layout="vertical"
        initialValues={original ? toFormValues(original) : EMPTY_VALUES}
        onValuesChange={editor.markDirty}
        onFinish={(values) => void onFinish(values)}
        onFinishFailed={() => message.error(t("organization.form.fixErrors"))}
        scrollToFirstError={{ block: "center", focus: true }}
        style={{ display: "grid", gap: 16 }}
      >
        {returnTo && <Alert type="info" showIcon title={t("organization.form.returnsToApplication")} />}
        {editor.banners}
        <BasicSection administrative={administrative} />
        <AreaSection />
        <ContactSection maskedPhone={maskedPhone} />
        <PeopleSection />
        <Card size="small" style={{ position: "sticky", bottom: 0, zIndex: 5 }}>
          <div style={{ display: "flex", gap: 8, justifyContent: "flex-end" }}>
            <Button onClick={() => navigate(leaveTo)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={saving} disabled={!!editor.conflict}>
              {t("common.save")}
            </Button>
          </div>
        </Card>
      </Form>
    </>
  );
}

import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Skeleton } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { Organization } from "../../../../schemas/organizations";
import { isApiError } from "../../../api/client";
import {
  fetchOrganization,
  organizationKeys,
  useCreateOrganization,
  useOrganization,
  useUpdateOrganization,
} from "../../../api/organizations";
import { useAccess } from "../../../auth/session";
import { ConflictAlert } from "../../../components/ConflictAlert";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage, showFieldError } from "../../../components/serverErrors";
import { useUnsavedChangesPrompt } from "../../../components/useUnsavedChangesPrompt";
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
  const [dirty, setDirty] = useState(false);
  const [version, setVersion] = useState(original?.version ?? 0);
  const [basis, setBasis] = useState(original);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const guard = useUnsavedChangesPrompt(dirty);
  const create = useCreateOrganization();
  const update = useUpdateOrganization(original?.id ?? "");
  const saving = create.isPending || update.isPending;
  const maskedPhone = basis?.contactPhoneMasked ? basis.contactPhone : null;
  // Administrative fields are the base's call; for a new record only staff get here anyway.
  const administrative = access.organizationAdministrative;

  const onFinish = async (values: OrganizationFormValues) => {
    setFormError(null);
    const input = toInput(values, !!maskedPhone);
    try {
      const saved = original
        ? await update.mutateAsync({ ...input, version })
        : await create.mutateAsync(input);
      message.success(original ? t("organization.updated") : t("organization.created"));
      guard.release();
      setDirty(false);
      navigate(`/organizations/${saved.id}`, { replace: !original });
    } catch (error) {
      if (isApiError(error) && error.code === "version_conflict") {
        setConflict(error.message);
        window.scrollTo({ top: 0, behavior: "smooth" });
      } else if (!showFieldError(form, error, FORM_FIELDS)) {
        setFormError(errorMessage(error));
      }
    }
  };

  /** Fetch the latest record; either keep the user's values on top of it, or replace them. */
  const resolveConflict = async (keepMine: boolean) => {
    if (!original) return;
    setReloading(true);
    try {
      const latest = await fetchOrganization(original.id);
      queryClient.setQueryData(organizationKeys.detail(latest.id), latest);
      setVersion(latest.version);
      setBasis(latest);
      setConflict(null);
      if (keepMine && basis) {
        const mine = form.getFieldsValue(true) as OrganizationFormValues;
        form.setFieldsValue(mergeOntoLatest(mine, toFormValues(basis), toFormValues(latest)));
        message.info(t("organization.form.keptMine"));
      } else {
        form.resetFields();
        form.setFieldsValue(toFormValues(latest));
        setDirty(false);
      }
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setReloading(false);
    }
  };

  const title = original ? t("organization.editTitle") : t("organization.createTitle");
  return (
    <>
      <PageHeader
        title={title}
        subTitle={original?.name}
        backTo={original ? `/organizations/${original.id}` : "/organizations"}
      />
      <Form<OrganizationFormValues>
        form={form}
        name="organization"
        layout="vertical"
        initialValues={original ? toFormValues(original) : EMPTY_VALUES}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => void onFinish(values)}
        onFinishFailed={() => message.error(t("organization.form.fixErrors"))}
        scrollToFirstError={{ block: "center", focus: true }}
        style={{ display: "grid", gap: 16 }}
      >
        {conflict && (
          <ConflictAlert
            message={conflict}
            busy={reloading}
            onKeepMine={() => void resolveConflict(true)}
            onLoadLatest={() => void resolveConflict(false)}
          />
        )}
        {formError && (
          <Alert type="error" showIcon title={formError} closable={{ onClose: () => setFormError(null) }} />
        )}
        <BasicSection administrative={administrative} />
        <AreaSection />
        <ContactSection maskedPhone={maskedPhone} />
        <PeopleSection />
        <Card size="small" style={{ position: "sticky", bottom: 0, zIndex: 5 }}>
          <div style={{ display: "flex", gap: 8, justifyContent: "flex-end" }}>
            <Button onClick={() => navigate(original ? `/organizations/${original.id}` : "/organizations")}>
              {t("common.cancel")}
            </Button>
            <Button type="primary" htmlType="submit" loading={saving} disabled={!!conflict}>
              {t("common.save")}
            </Button>
          </div>
        </Card>
      </Form>
    </>
  );
}

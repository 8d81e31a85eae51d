/**
 * Staff enrol someone (代为报名): an organization (OrganizationSelect) and one of its members, or
 * the organization alone (the server takes its first member account), or a person alone (on
 * their own: an individual, or a member coming personally). The waitlist applies as for anyone;
 * the message says which it was.
 */
import { Alert, App, Button, Form, Modal, Select, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useEnrol, useEnrolmentCandidates } from "../../../api/services/trainings";
import { OrganizationSelect } from "../../../components/OrganizationSelect";
import { errorMessage, showFieldError } from "../../../components/serverErrors";

interface Values {
  organizationId?: string;
  personId?: string;
}

export function EnrolDialog({ trainingId, onClose }: { trainingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const enrol = useEnrol(trainingId);
  const organizationId = Form.useWatch("organizationId", form);
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const candidates = useEnrolmentCandidates(trainingId, organizationId ?? undefined, q, true);
  const options = useMemo(
    () =>
      (candidates.data?.items ?? []).map((c) => ({
        value: c.personId,
        disabled: c.enrolled,
        label: `${c.name}${c.organizationName ? `（${c.organizationName}）` : t("trainings.personal")}${
          c.enrolled ? ` · ${t("trainings.alreadyIn")}` : ""
        }`,
      })),
    [candidates.data, t],
  );

  const submit = async (v: Values) => {
    setError(null);
    if (!v.organizationId && !v.personId) {
      setError(t("trainings.enrolNeedOne"));
      return;
    }
    try {
      const e = await enrol.mutateAsync({
        organizationId: v.organizationId ?? null,
        personId: v.personId ?? null,
      });
      message.success(
        e.status === "waiting"
          ? t("trainings.waitingSomeone", { name: e.personName, position: e.waitPosition })
          : t("trainings.enrolledSomeone", { name: e.personName }),
      );
      onClose();
    } catch (err) {
      if (!showFieldError(form, err, ["organizationId", "personId"])) setError(errorMessage(err));
    }
  };

  return (
    <Modal
      open
      title={t("trainings.enrolSomeone")}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t("common.cancel")}
        </Button>,
        <Button key="ok" type="primary" loading={enrol.isPending} onClick={() => form.submit()}>
          {t("trainings.enrol")}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t("trainings.enrolDialogHelp")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          setError(null);
          // Another organization: the person chosen was one of the last one's members.
          if ("organizationId" in changed) form.setFieldsValue({ personId: undefined });
        }}
      >
        <Form.Item name="organizationId" label={t("trainings.enrolOrganization")}>
          <OrganizationSelect placeholder={t("trainings.enrolOrganizationPlaceholder")} />
        </Form.Item>
        <Form.Item
          name="personId"
          label={t("trainings.enrolPerson")}
          extra={organizationId ? t("trainings.enrolPersonForOrg") : undefined}
        >
          <Select<string>
            allowClear
            showSearch={{ filterOption: false, onSearch: setTyped }}
            placeholder={t("trainings.enrolPersonPlaceholder")}
            loading={candidates.isFetching}
            options={options}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

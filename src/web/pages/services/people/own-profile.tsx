/** 个人信息: the individual's own name, email, work unit and title; a save from an older copy is 409. */
import { App, Button, Card, Form, Input, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { OwnProfile } from "../../../../schemas/services/people";
import { fetchOwnProfile, useOwnProfile, useSaveOwnProfile } from "../../../api/services/people";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { showFieldError } from "../../../components/serverErrors";
import { useVersionedForm } from "../../../components/useVersionedForm";
import { lengthRule, requiredRule } from "../../platform/organizations/edit/rules";

type Values = Pick<OwnProfile, "displayName"> & { email: string; workUnit: string; jobTitle: string };
const FIELDS = ["displayName", "email", "workUnit", "jobTitle"] as const;

const toValues = (p: OwnProfile): Values => ({
  displayName: p.displayName,
  email: p.email ?? "",
  workUnit: p.workUnit ?? "",
  jobTitle: p.jobTitle ?? "",
});

export default function OwnProfilePage() {
  const { t } = useTranslation();
  const profile = useOwnProfile();
  return (
    <>
      <PageHeader title={t("people.ownTitle")} />
      {profile.isError ? (
        <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
      ) : !profile.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        // Remounted after each save, so the next one starts from the version just written.
        <ProfileForm key={profile.data.version} original={profile.data} />
      )}
    </>
  );
}

function ProfileForm({ original }: { original: OwnProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveOwnProfile();
  const editor = useVersionedForm<Values, OwnProfile>({
    form,
    original,
    fetchLatest: () => fetchOwnProfile(),
    toFormValues: toValues,
    showFieldError: (error) => showFieldError(form, error, FIELDS),
    keptMineMessage: t("people.keptMine"),
  });

  const onFinish = async (values: Values) => {
    editor.clearFormError();
    try {
      await save.mutateAsync({
        displayName: values.displayName.trim(),
        email: values.email.trim() || null,
        workUnit: values.workUnit.trim() || null,
        jobTitle: values.jobTitle.trim() || null,
        version: editor.version,
      });
      editor.saved();
      message.success(t("people.saved"));
    } catch (error) {
      editor.saveFailed(error);
    }
  };

  return (
    <Card style={{ maxWidth: 640 }}>
      <div style={{ display: "grid", gap: 12, marginBottom: editor.conflict ? 16 : 0 }}>{editor.banners}</div>
      <Typography.Paragraph type="secondary">{t("people.ownIntro")}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="ownProfile"
        layout="vertical"
        requiredMark="optional"
        initialValues={toValues(original)}
        onValuesChange={editor.markDirty}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item name="displayName" label={t("people.name")} rules={[requiredRule(), lengthRule(1, 50)]}>
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item label={t("people.mobile")} extra={t("people.mobileHint")}>
          <Input value={original.mobile ?? ""} disabled aria-label={t("people.mobile")} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("people.email")}
          rules={[{ type: "email", message: t("registration.emailInvalid") }]}
        >
          <Input inputMode="email" autoComplete="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="workUnit" label={t("people.workUnit")} rules={[lengthRule(undefined, 100)]}>
          <Input maxLength={100} autoComplete="organization" />
        </Form.Item>
        <Form.Item name="jobTitle" label={t("people.jobTitle")} rules={[lengthRule(undefined, 50)]}>
          <Input maxLength={50} autoComplete="organization-title" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}

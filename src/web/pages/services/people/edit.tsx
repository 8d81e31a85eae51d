/**
 * Staff edit a person: name, mobile (their sign-in), email, work unit, title, from the version
 * they loaded (a stale save shows the conflict banner). The mobile comes masked; left as it is,
 * it stays; a new number becomes the person's sign-in.
 */
import { App, Button, Card, Form, Input, Skeleton, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { isValidMobile, normalizeMobile } from "../../../../domain/phone";
import type { PersonDetail } from "../../../../schemas/services/people";
import { fetchPerson, usePerson, useUpdatePerson } from "../../../api/services/people";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { showFieldError } from "../../../components/serverErrors";
import { useVersionedForm } from "../../../components/useVersionedForm";
import { fieldMessage } from "../../../i18n";
import { lengthRule, requiredRule } from "../../platform/organizations/edit/rules";

type Values = { displayName: string; mobile: string; email: string; workUnit: string; jobTitle: string };
const FIELDS = ["displayName", "mobile", "email", "workUnit", "jobTitle"] as const;

const toValues = (p: PersonDetail): Values => ({
  displayName: p.displayName,
  mobile: p.mobile ?? "",
  email: p.email ?? "",
  workUnit: p.workUnit ?? "",
  jobTitle: p.jobTitle ?? "",
});

export default function EditPersonPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const person = usePerson(id);
  return (
    <>
      <PageHeader title={t("people.editTitle")} backTo={`/people/${id}`} />
      {person.isError ? (
        <QueryError error={person.error} onRetry={() => void person.refetch()} />
      ) : !person.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <PersonForm original={person.data} />
      )}
    </>
  );
}

function PersonForm({ original }: { original: PersonDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const save = useUpdatePerson(original.id);
  const editor = useVersionedForm<Values, PersonDetail>({
    form,
    original,
    fetchLatest: (id) => fetchPerson(id),
    toFormValues: toValues,
    showFieldError: (error) => showFieldError(form, error, FIELDS),
    keptMineMessage: t("people.keptMine"),
  });

  const onFinish = async (values: Values) => {
    editor.clearFormError();
    try {
      await save.mutateAsync({
        displayName: values.displayName.trim(),
        mobile: values.mobile.trim(),
        email: values.email.trim() || null,
        workUnit: values.workUnit.trim() || null,
        jobTitle: values.jobTitle.trim() || null,
        version: editor.version,
      });
      editor.saved();
      message.success(t("people.personSaved"));
      void navigate(`/people/${original.id}`);
    } catch (error) {
      editor.saveFailed(error);
    }
  };

  // The masked number as given means "unchanged"; anything else must be a mobile number.
  const mobileRule = {
    validator: async (_rule: unknown, value: string | undefined) => {
      const typed = value?.trim() ?? "";
      if (typed === "" || typed === original.mobile) return;
      if (!isValidMobile(normalizeMobile(typed))) throw new Error(fieldMessage("mobile_invalid"));
    },
  };

  return (
    <Card style={{ maxWidth: 640 }}>
      <div style={{ display: "grid", gap: 12, marginBottom: editor.conflict ? 16 : 0 }}>{editor.banners}</div>
      <Form<Values>
        form={form}
        name="person"
        layout="vertical"
        requiredMark="optional"
        initialValues={toValues(original)}
        onValuesChange={editor.markDirty}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item name="displayName" label={t("people.name")} rules={[requiredRule(), lengthRule(1, 50)]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t("people.mobile")}
          extra={t("people.mobileEditHint")}
          rules={[requiredRule(), mobileRule]}
        >
          <Input inputMode="tel" autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("people.email")}
          rules={[{ type: "email", message: t("registration.emailInvalid") }]}
        >
          <Input inputMode="email" autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item name="workUnit" label={t("people.workUnit")} rules={[lengthRule(undefined, 100)]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="jobTitle" label={t("people.jobTitle")} rules={[lengthRule(undefined, 50)]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
          <Button onClick={() => void navigate(`/people/${original.id}`)}>{t("common.cancel")}</Button>
        </Space>
      </Form>
    </Card>
  );
}

import { Alert, App, Form, Input, Modal, Radio, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { normalizeMobile } from "../../../../domain/phone";
import { useAddPerson } from "../../../api/services/people";
import { errorMessage, showFieldError } from "../../../components/serverErrors";
import { lengthRule, mobileRule, requiredRule } from "../../platform/organizations/edit/rules";

interface Values {
  displayName: string;
  mobile: string;
  email?: string;
  workUnit?: string;
  jobTitle?: string;
  signIn: "code" | "password";
  password?: string;
}

const FIELDS = ["displayName", "mobile", "email", "workUnit", "jobTitle", "password"] as const;

/**
 * 添加人员: a trainee who came to the desk. By default nobody chooses a password for them: they set
 * one with 忘记密码 on their own phone; or staff give a first password, changed at first sign-in.
 */
export function AddPersonDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const add = useAddPerson();
  const [formError, setFormError] = useState<string | null>(null);
  const signIn = Form.useWatch("signIn", form);

  const onFinish = async (values: Values) => {
    setFormError(null);
    try {
      const mobile = normalizeMobile(values.mobile);
      const person = await add.mutateAsync({
        displayName: values.displayName.trim(),
        mobile,
        email: values.email?.trim() || null,
        workUnit: values.workUnit?.trim() || null,
        jobTitle: values.jobTitle?.trim() || null,
        password: values.signIn === "password" ? values.password : null,
      });
      form.resetFields();
      onClose();
      // Said in a dialog, not a toast: staff must pass it on to the person.
      modal.success({
        title: t("people.added", { name: person.displayName }),
        content:
          values.signIn === "password"
            ? t("people.addedWithPassword", { name: person.displayName })
            : t("people.addedByCode", { name: person.displayName, mobile }),
      });
      navigate(`/people/${person.id}`);
    } catch (error) {
      if (!showFieldError(form, error, FIELDS)) setFormError(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title={t("people.addTitle")}
      okText={t("people.add")}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("people.addIntro")}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="addPerson"
        layout="vertical"
        requiredMark="optional"
        initialValues={{ signIn: "code" }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item name="displayName" label={t("people.name")} rules={[requiredRule(), lengthRule(1, 50)]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="mobile" label={t("people.mobile")} rules={[requiredRule(), mobileRule]}>
          <Input inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("people.email")}
          rules={[{ type: "email", message: t("registration.emailInvalid") }]}
        >
          <Input inputMode="email" maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="workUnit" label={t("people.workUnit")} rules={[lengthRule(undefined, 100)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="jobTitle" label={t("people.jobTitle")} rules={[lengthRule(undefined, 50)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="signIn" label={t("people.signIn")} rules={[requiredRule()]}>
          <Radio.Group
            style={{ display: "grid", gap: 8 }}
            options={[
              { value: "code", label: t("people.signInByCode") },
              { value: "password", label: t("people.signInByPassword") },
            ]}
          />
        </Form.Item>
        {signIn === "password" && (
          <Form.Item
            name="password"
            label={t("people.password")}
            extra={t("registration.passwordHint")}
            rules={[requiredRule()]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
        )}
        {formError && <Alert type="error" showIcon role="alert" title={formError} />}
      </Form>
    </Modal>
  );
}

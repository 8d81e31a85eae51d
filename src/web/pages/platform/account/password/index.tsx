import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { changePassword, fetchSession, sessionKey } from "../../../../api/platform/auth";
import { useCurrentUser } from "../../../../auth/session";
import { PageHeader } from "../../../../components/PageHeader";
import { NewPasswordFields } from "../../../../components/PasswordFields";
import { errorMessage, showFieldError } from "../../../../components/serverErrors";
import { fieldMessage } from "../../../../i18n";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 修改密码, also where a user with an initial password is sent before anything else. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: async () => {
      message.success(t("password.changed"));
      // The server may rotate the session (and its CSRF token) on a password change.
      queryClient.setQueryData(sessionKey, await fetchSession());
      form.resetFields();
      if (user.mustChangePassword) navigate("/", { replace: true });
    },
    onError: (caught) => {
      if (!showFieldError(form, caught, ["currentPassword", "newPassword"])) setError(errorMessage(caught));
    },
  });

  return (
    <>
      <PageHeader title={t("password.title")} />
      <Card style={{ maxWidth: 560 }}>
        {user.mustChangePassword && (
          <Alert type="warning" showIcon title={t("password.mustChange")} style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          name="changePassword"
          layout="vertical"
          onFinish={(values) => {
            setError(null);
            mutation.mutate(values);
          }}
        >
          <Form.Item
            name="currentPassword"
            label={t("password.current")}
            rules={[{ required: true, message: fieldMessage("required") }]}
          >
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <NewPasswordFields identity={() => [user.username]} />
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t("common.save")}
          </Button>
        </Form>
      </Card>
    </>
  );
}

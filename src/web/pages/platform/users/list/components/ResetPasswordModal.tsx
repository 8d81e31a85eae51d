import { Alert, App, Form, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../../../schemas/platform/users";
import { useUserMutation } from "../../../../../api/platform/users";
import { PasswordField } from "../../../../../components/PasswordFields";
import { errorMessage, showFieldError } from "../../../../../components/serverErrors";

/** 重置密码: the administrator sets a new password and tells the user. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const mutation = useUserMutation();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const { newPassword } = await form.validateFields();
    try {
      await mutation.mutateAsync({ kind: "reset-password", id: user.id, version: user.version, newPassword });
      message.success(t("user.resetDone"));
      onClose();
    } catch (caught) {
      if (!showFieldError(form, caught, ["newPassword"])) setError(errorMessage(caught));
    }
  };

  return (
    <Modal
      open
      title={t("user.resetTitle", { name: user.displayName })}
      okText={t("user.resetPassword")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: true }}
      confirmLoading={mutation.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="resetPassword" layout="vertical">
        <PasswordField
          name="newPassword"
          label={t("user.newPassword")}
          identity={() => [user.username, user.mobile]}
        />
      </Form>
    </Modal>
  );
}

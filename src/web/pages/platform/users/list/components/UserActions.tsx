import { EditOutlined, MoreOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../../../schemas/platform/users";
import { type UserAction, useUserMutation } from "../../../../../api/platform/users";
import { errorMessage } from "../../../../../components/serverErrors";
import { isLocked } from "../status";

interface Props {
  user: User;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

/** A row's actions: 编辑, and under 更多 the account operations, each confirmed first. */
export function UserActions({ user, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const mutation = useUserMutation();

  const confirm = (kind: "disable" | "enable" | "unlock") => {
    const text = {
      disable: {
        content: t("user.confirmDisable", { name: user.displayName }),
        done: t("user.disabled"),
        ok: t("user.disable"),
      },
      enable: {
        content: t("user.confirmEnable", { name: user.displayName }),
        done: t("user.enabled"),
        ok: t("user.enable"),
      },
      unlock: {
        content: t("user.confirmUnlock", { name: user.displayName }),
        done: t("user.unlocked"),
        ok: t("user.unlock"),
      },
    }[kind];
    modal.confirm({
      title: text.ok,
      content: text.content,
      okText: text.ok,
      cancelText: t("common.cancel"),
      okButtonProps: { danger: kind === "disable" },
      onOk: async () => {
        const action: UserAction = { kind, id: user.id, version: user.version };
        try {
          await mutation.mutateAsync(action);
          message.success(text.done);
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  };

  const items = [
    user.status === "active"
      ? { key: "disable", label: t("user.disable"), danger: true }
      : { key: "enable", label: t("user.enable") },
    ...(isLocked(user) ? [{ key: "unlock", label: t("user.unlock") }] : []),
    { key: "reset", label: t("user.resetPassword") },
  ];

  return (
    <Space size={4}>
      <Button
        size="small"
        type="link"
        icon={<EditOutlined aria-hidden />}
        aria-label={t("user.editUser", { name: user.displayName })}
        onClick={() => onEdit(user)}
      >
        {t("common.edit")}
      </Button>
      <Dropdown
        trigger={["click"]}
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === "reset") onResetPassword(user);
            else if (key === "disable" || key === "enable" || key === "unlock") confirm(key);
          },
        }}
      >
        <Button
          size="small"
          type="text"
          icon={<MoreOutlined />}
          aria-label={t("user.moreActions", { name: user.displayName })}
        />
      </Dropdown>
    </Space>
  );
}

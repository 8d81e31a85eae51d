import type { TableProps } from "antd";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../../../schemas/platform/users";
import { CardFacts } from "../../../../../components/CardList";
import { formatDateTime } from "../../../../../components/format";
import { RoleTags } from "../../../../../components/labels";
import { UserStatusTags } from "../status";
import { UserActions } from "./UserActions";

interface Actions {
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function useUserColumns(actions: Actions): NonNullable<TableProps<User>["columns"]> {
  const { t } = useTranslation();
  return [
    {
      key: "username",
      title: t("user.attr.username"),
      dataIndex: "username",
      fixed: "left",
      width: 140,
    },
    { key: "displayName", title: t("user.attr.displayName"), dataIndex: "displayName", width: 120 },
    {
      key: "roles",
      title: t("user.attr.roles"),
      width: 220,
      render: (_: unknown, user) => <RoleTags roles={user.roles} />,
    },
    {
      key: "organization",
      responsive: ["md"],
      // A member's organization, or a liaison's town: what the account speaks for.
      title: t("user.attr.affiliation"),
      width: 180,
      render: (_: unknown, user) => user.organizationName ?? user.townName ?? t("common.empty"),
    },
    {
      key: "mobile",
      responsive: ["md"],
      title: t("user.attr.mobile"),
      dataIndex: "mobile",
      width: 130,
      render: (m: string | null) => m ?? t("common.empty"),
    },
    {
      key: "status",
      title: t("user.attr.status"),
      width: 130,
      render: (_: unknown, user) => <UserStatusTags user={user} />,
    },
    {
      key: "lastLoginAt",
      responsive: ["md"],
      title: t("user.attr.lastLoginAt"),
      dataIndex: "lastLoginAt",
      width: 150,
      render: (at: string | null) => formatDateTime(at),
    },
    {
      key: "actions",
      title: t("common.actions"),
      fixed: "right",
      width: 130,
      render: (_: unknown, user) => (
        <UserActions user={user} onEdit={actions.onEdit} onResetPassword={actions.onResetPassword} />
      ),
    },
  ];
}

/** Phone width: an account per card, with its actions at the foot. */
export function UserCard({ user, ...actions }: { user: User } & Actions) {
  const { t } = useTranslation();
  return (
    <>
      <div style={{ display: "flex", justifyContent: "space-between", gap: 8, flexWrap: "wrap" }}>
        <span style={{ fontWeight: 600, fontSize: 15 }}>
          {user.displayName}{" "}
          <span style={{ fontWeight: 400, color: "rgba(0,0,0,0.65)" }}>{user.username}</span>
        </span>
        <UserStatusTags user={user} />
      </div>
      <div style={{ margin: "8px 0" }}>
        <RoleTags roles={user.roles} />
      </div>
      <CardFacts
        facts={[
          [t("user.attr.affiliation"), user.organizationName ?? user.townName ?? t("common.empty")],
          [t("user.attr.mobile"), user.mobile ?? t("common.empty")],
          [t("user.attr.lastLoginAt"), formatDateTime(user.lastLoginAt)],
        ]}
      />
      <div style={{ marginTop: 8 }}>
        <UserActions user={user} onEdit={actions.onEdit} onResetPassword={actions.onResetPassword} />
      </div>
    </>
  );
}

import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../../../domain/roles";
import { type User, type UserListState, ZUserQuery } from "../../../../../schemas/platform/users";
import { useUserList } from "../../../../api/platform/users";
import { FilterBar } from "../../../../components/list/FilterBar";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { PageHeader } from "../../../../components/PageHeader";
import { ResetPasswordModal } from "./components/ResetPasswordModal";
import { UserFormModal } from "./components/UserFormModal";
import { UserCard, useUserColumns } from "./components/UserRows";

type Filters = Pick<UserListState, "q" | "role" | "status">;

/** 用户管理: the base's accounts, found by name, role and status; created, edited, disabled here. */
export default function UserListPage() {
  const { t } = useTranslation();
  const { state, update } = useUrlQuery(ZUserQuery);
  const list = useUserList(state);
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const actions = { onEdit: setEditing, onResetPassword: setResetting };
  const columns = useUserColumns(actions);
  const any = t("organization.filter.any");

  return (
    <>
      <PageHeader
        title={t("user.title")}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing("new")}>
            {t("user.create")}
          </Button>
        }
      />
      <FilterBar<Filters>
        name="userFilters"
        label={t("organization.filter.label")}
        value={{ q: state.q, role: state.role, status: state.status }}
        onSearch={update}
        fields={[
          {
            name: "q",
            label: t("user.filter.q"),
            primary: true,
            col: { xs: 24, sm: 12, lg: 8 },
            control: <Input allowClear placeholder={t("user.filter.qPlaceholder")} maxLength={64} />,
          },
          {
            name: "role",
            label: t("user.filter.role"),
            col: { xs: 12, sm: 6, lg: 5 },
            control: (
              <Select
                allowClear
                placeholder={any}
                options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
              />
            ),
          },
          {
            name: "status",
            label: t("user.filter.status"),
            col: { xs: 12, sm: 6, lg: 4 },
            control: (
              <Select
                allowClear
                placeholder={any}
                options={[
                  { value: "active", label: t("user.status.active") },
                  { value: "disabled", label: t("user.status.disabled") },
                ]}
              />
            ),
          },
        ]}
      />
      <ListResults
        result={list}
        state={state}
        onChange={update}
        columns={columns}
        renderCard={(user) => <UserCard user={user} {...actions} />}
      />
      {editing && (
        <UserFormModal
          key={editing === "new" ? "new" : editing.id}
          open
          user={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}

import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Form, Input, Row, Select, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../../../../../domain/roles";
import type { User } from "../../../../../schemas/platform/users";
import { useUserList } from "../../../../api/platform/users";
import { FilterActions } from "../../../../components/FilterActions";
import { formatDateTime } from "../../../../components/format";
import { RoleTags } from "../../../../components/labels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { ResetPasswordModal } from "./components/ResetPasswordModal";
import { UserActions } from "./components/UserActions";
import { UserFormModal } from "./components/UserFormModal";
import { UserStatusTags } from "./status";

interface Filters {
  q?: string;
  role?: Role;
  status?: "active" | "disabled";
}

export default function UserListPage() {
  const { t } = useTranslation();
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const list = useUserList({ ...filters, ...page });

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
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        role="search"
        aria-label={t("organization.filter.label")}
      >
        <Form<Filters>
          form={filterForm}
          name="userFilters"
          layout="vertical"
          style={{ marginBottom: -8 }}
          onFinish={(values) => {
            setFilters({ ...values, q: values.q?.trim() || undefined });
            setPage((p) => ({ ...p, page: 1 }));
          }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="q" label={t("user.filter.q")} style={{ marginBottom: 12 }}>
                <Input allowClear placeholder={t("user.filter.qPlaceholder")} maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={5}>
              <Form.Item name="role" label={t("user.filter.role")} style={{ marginBottom: 12 }}>
                <Select
                  allowClear
                  placeholder={t("organization.filter.any")}
                  options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="status" label={t("user.filter.status")} style={{ marginBottom: 12 }}>
                <Select
                  allowClear
                  placeholder={t("organization.filter.any")}
                  options={[
                    { value: "active", label: t("user.status.active") },
                    { value: "disabled", label: t("user.status.disabled") },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={7} style={{ display: "flex", alignItems: "flex-end" }}>
              <FilterActions
                onReset={() => {
                  filterForm.resetFields();
                  setFilters({});
                  setPage((p) => ({ ...p, page: 1 }));
                }}
              />
            </Col>
          </Row>
        </Form>
      </Card>
      {list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<User>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: "max-content" }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (count) => t("common.total", { count }),
              onChange: (current, pageSize) => setPage({ page: current, pageSize }),
            }}
            columns={[
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
                  <UserActions user={user} onEdit={setEditing} onResetPassword={setResetting} />
                ),
              },
            ]}
          />
        </Card>
      )}
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

import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isValidMobile } from "../../../../../../domain/phone";
import { ROLES, type Role } from "../../../../../../domain/roles";
import type { User } from "../../../../../../schemas/platform/users";
import { useTowns } from "../../../../../api/platform/reference";
import { useUserMutation } from "../../../../../api/platform/users";
import { usePartners } from "../../../../../api/services/partners";
import { OrganizationSelect } from "../../../../../components/OrganizationSelect";
import { PasswordField } from "../../../../../components/PasswordFields";
import { errorMessage, showFieldError } from "../../../../../components/serverErrors";
import { fieldMessage } from "../../../../../i18n";

interface Values {
  username: string;
  displayName: string;
  mobile?: string;
  email?: string;
  roles: Role[];
  organizationId?: string;
  townId?: string;
  partnerId?: string;
  password?: string;
}

const FIELDS = [
  "username",
  "displayName",
  "mobile",
  "email",
  "roles",
  "organizationId",
  "townId",
  "partnerId",
  "password",
] as const;

/** 新建 / 编辑用户 in a modal; `user` absent means create. */
export function UserFormModal({
  user,
  open,
  onClose,
}: {
  user: User | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const roles = Form.useWatch("roles", form) ?? [];
  const mutation = useUserMutation();
  const [error, setError] = useState<string | null>(null);
  const isMember = roles.includes("org_member");
  const isLiaison = roles.includes("community_liaison");
  const towns = useTowns();
  const isPartner = roles.includes("partner");
  const partners = usePartners({ status: "active", pageSize: 200 }, open && isPartner);

  const submit = async () => {
    setError(null);
    const values = await form.validateFields();
    const common = {
      displayName: values.displayName.trim(),
      mobile: values.mobile?.trim() || null,
      email: values.email?.trim() || null,
      roles: values.roles,
      organizationId: values.roles.includes("org_member") ? (values.organizationId ?? null) : null,
      townId: values.roles.includes("community_liaison") ? (values.townId ?? null) : null,
      partnerId: values.roles.includes("partner") ? (values.partnerId ?? null) : null,
    };
    try {
      if (user) {
        await mutation.mutateAsync({
          kind: "update",
          id: user.id,
          body: { ...common, version: user.version },
        });
        message.success(t("user.updated"));
      } else {
        await mutation.mutateAsync({
          kind: "create",
          body: { ...common, username: values.username.trim(), password: values.password ?? "" },
        });
        message.success(t("user.created"));
      }
      onClose();
    } catch (caught) {
      if (!showFieldError(form, caught, FIELDS)) setError(errorMessage(caught));
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t("user.editTitle", { name: user.displayName }) : t("user.createTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={mutation.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name={user ? "userEdit" : "userCreate"}
        layout="vertical"
        preserve={false}
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                mobile: user.mobile ?? undefined,
                email: user.email ?? undefined,
                roles: user.roles,
                organizationId: user.organizationId ?? undefined,
                townId: user.townId ?? undefined,
                partnerId: user.partnerId ?? undefined,
              }
            : { roles: [] }
        }
      >
        <Form.Item
          name="username"
          label={t("user.attr.username")}
          extra={user ? undefined : t("user.usernameHelp")}
          rules={[
            { required: true, message: fieldMessage("required") },
            { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: fieldMessage("username_invalid") },
          ]}
        >
          <Input disabled={!!user} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("user.attr.displayName")}
          rules={[{ required: true, whitespace: true, message: fieldMessage("required") }]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t("user.attr.mobile")}
          rules={[
            {
              validator: async (_r, v: string | undefined) => {
                if (v?.trim() && !isValidMobile(v)) throw new Error(fieldMessage("mobile_invalid"));
              },
            },
          ]}
        >
          <Input inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("user.attr.email")}
          rules={[{ type: "email", message: fieldMessage("email_invalid") }]}
        >
          <Input type="email" maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t("user.attr.roles")}
          rules={[{ required: true, message: fieldMessage("roles_required") }]}
        >
          <Select
            mode="multiple"
            options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          />
        </Form.Item>
        {isMember && (
          <Form.Item
            name="organizationId"
            label={t("user.attr.organizationId")}
            rules={[{ required: true, message: fieldMessage("organization_required") }]}
          >
            <OrganizationSelect
              placeholder={t("user.organizationPlaceholder")}
              current={
                user?.organizationId ? { id: user.organizationId, name: user.organizationName ?? "" } : null
              }
            />
          </Form.Item>
        )}
        {isLiaison && (
          <Form.Item
            name="townId"
            label={t("user.attr.townId")}
            extra={t("user.townHelp")}
            rules={[{ required: true, message: fieldMessage("town_required") }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={towns.isPending}
              placeholder={t("user.townPlaceholder")}
              options={(towns.data ?? []).map((town) => ({ value: town.id, label: town.name }))}
            />
          </Form.Item>
        )}
        {isPartner && (
          <Form.Item
            name="partnerId"
            label={t("partners.partnerField")}
            rules={[{ required: true, message: fieldMessage("partner_required") }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={partners.isPending}
              options={[
                ...(user?.partnerId && !partners.data?.items.some((p) => p.id === user.partnerId)
                  ? [{ value: user.partnerId, label: user.partnerName ?? "" }]
                  : []),
                ...(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
          </Form.Item>
        )}
        {!user && (
          <PasswordField
            name="password"
            label={t("user.attr.password")}
            identity={() => [form.getFieldValue("username"), form.getFieldValue("mobile")]}
          />
        )}
      </Form>
    </Modal>
  );
}

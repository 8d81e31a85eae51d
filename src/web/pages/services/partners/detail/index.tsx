/**
 * One partner (合作伙伴): its record and its accounts. Staff edit it (versioned: a stale save
 * shows the conflict banner), archive and restore it; a partner user reads its own.
 */
import { App, Button, Card, Descriptions, Flex, Form, List, Popconfirm, Skeleton, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { PartnerView } from "../../../../../schemas/services/partners";
import {
  fetchPartner,
  usePartner,
  useSetPartnerStatus,
  useUpdatePartner,
} from "../../../../api/services/partners";
import { useAccess } from "../../../../auth/session";
import { ToneTag } from "../../../../components/labels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage, showFieldError } from "../../../../components/serverErrors";
import { useVersionedForm } from "../../../../components/useVersionedForm";
import { PARTNER_FIELDS, PartnerFields, type PartnerValues } from "../PartnerForm";

const toValues = (p: PartnerView): PartnerValues => ({
  name: p.name,
  kind: p.kind,
  contactName: p.contactName,
  contactPhone: p.contactPhone,
  email: p.email,
  description: p.description,
});

export default function PartnerPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const access = useAccess();
  const partner = usePartner(id);
  const [editing, setEditing] = useState(false);
  if (partner.isError) return <QueryError error={partner.error} onRetry={() => void partner.refetch()} />;
  if (!partner.data) return <Skeleton active />;
  const p = partner.data;
  return (
    <>
      <PageHeader
        title={p.name}
        backTo={access.partnerManage ? "/partners" : undefined}
        subTitle={
          <Flex gap={4}>
            <Tag>{t(`partners.kind.${p.kind}`)}</Tag>
            <ToneTag tone={p.status === "active" ? "green" : "default"}>
              {t(`partners.status.${p.status}`)}
            </ToneTag>
          </Flex>
        }
        extra={
          access.partnerManage && !editing ? (
            <StaffActions partner={p} onEdit={() => setEditing(true)} />
          ) : null
        }
      />
      {editing ? (
        <EditForm key={p.version} original={p} onDone={() => setEditing(false)} />
      ) : (
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("partners.contactName")}>{p.contactName ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("partners.contactPhone")}>{p.contactPhone ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("partners.email")}>{p.email ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("partners.description")} span={2}>
              <span style={{ whiteSpace: "pre-wrap" }}>{p.description ?? "—"}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card
        style={{ marginTop: 16 }}
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("partners.users")}</h2>}
      >
        {p.users.length === 0 ? (
          <p>{t("partners.noUsers")}</p>
        ) : (
          <List
            dataSource={p.users}
            renderItem={(u) => (
              <List.Item>
                <List.Item.Meta title={u.displayName} description={`${u.username} · ${u.mobile ?? "—"}`} />
                {u.status === "disabled" && <Tag>{t("partners.accountDisabled")}</Tag>}
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}

function StaffActions({ partner, onEdit }: { partner: PartnerView; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const status = useSetPartnerStatus(partner.id);
  const run = (to: "archive" | "restore") =>
    status.mutateAsync({ to, version: partner.version }).catch((e) => void message.error(errorMessage(e)));
  return (
    <Flex gap={8}>
      <Button onClick={onEdit}>{t("partners.edit")}</Button>
      {partner.status === "active" ? (
        <Popconfirm title={t("partners.archiveConfirm")} onConfirm={() => run("archive")}>
          <Button danger loading={status.isPending}>
            {t("partners.archive")}
          </Button>
        </Popconfirm>
      ) : (
        <Button loading={status.isPending} onClick={() => void run("restore")}>
          {t("partners.restore")}
        </Button>
      )}
    </Flex>
  );
}

function EditForm({ original, onDone }: { original: PartnerView; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PartnerValues>();
  const update = useUpdatePartner(original.id);
  const editor = useVersionedForm<PartnerValues, PartnerView>({
    form,
    original,
    fetchLatest: fetchPartner,
    toFormValues: toValues,
    showFieldError: (error) => showFieldError(form, error, PARTNER_FIELDS),
    keptMineMessage: t("partners.keptMine"),
  });
  const onFinish = async (values: PartnerValues) => {
    editor.clearFormError();
    try {
      await update.mutateAsync({ ...values, version: editor.version });
      editor.saved();
      message.success(t("partners.saved"));
      onDone();
    } catch (error) {
      editor.saveFailed(error);
    }
  };
  return (
    <Card>
      {editor.banners}
      <Form<PartnerValues>
        form={form}
        layout="vertical"
        name="partnerEdit"
        initialValues={toValues(original)}
        onValuesChange={editor.markDirty}
        onFinish={(v) => void onFinish(v)}
        style={{ maxWidth: 640 }}
      >
        <PartnerFields />
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
          <Button onClick={onDone}>{t("common.cancel")}</Button>
        </Flex>
      </Form>
    </Card>
  );
}

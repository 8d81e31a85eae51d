/** 合作伙伴: the base's partners (staff), searchable, with a dialog for a new one. */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Modal, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { PartnerKind, PartnerStatus } from "../../../../../domain/partner";
import type { PartnerEntry } from "../../../../../schemas/services/partners";
import { useCreatePartner, usePartners } from "../../../../api/services/partners";
import { ToneTag } from "../../../../components/labels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { showFieldError } from "../../../../components/serverErrors";
import { PARTNER_FIELDS, PartnerFields, type PartnerValues } from "../PartnerForm";

export default function PartnerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PartnerValues>();
  const partners = usePartners({ q, page, pageSize: 20 });
  const create = useCreatePartner();
  const submit = async (values: PartnerValues) => {
    try {
      const created = await create.mutateAsync(values);
      message.success(t("partners.saved"));
      setOpen(false);
      form.resetFields();
      navigate(`/partners/${created.id}`);
    } catch (error) {
      if (!showFieldError(form, error, PARTNER_FIELDS)) message.error((error as Error).message);
    }
  };
  return (
    <>
      <PageHeader
        title={t("partners.title")}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
            {t("partners.create")}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t("partners.intro")}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t("partners.search")}
        aria-label={t("partners.search")}
        style={{ maxWidth: 320, marginBottom: 16 }}
        onSearch={(value) => {
          setQ(value.trim() || undefined);
          setPage(1);
        }}
      />
      {partners.isError ? (
        <QueryError error={partners.error} onRetry={() => void partners.refetch()} />
      ) : (
        <Table<PartnerEntry>
          rowKey="id"
          loading={partners.isLoading}
          dataSource={partners.data?.items}
          scroll={{ x: true }}
          pagination={{
            current: page,
            pageSize: 20,
            total: partners.data?.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t("partners.name"),
              dataIndex: "name",
              render: (name: string, p) => <Link to={`/partners/${p.id}`}>{name}</Link>,
            },
            {
              title: t("partners.kindLabel"),
              dataIndex: "kind",
              render: (k: PartnerKind) => t(`partners.kind.${k}`),
            },
            { title: t("partners.contactName"), dataIndex: "contactName" },
            { title: t("partners.contactPhone"), dataIndex: "contactPhone" },
            {
              title: t("partners.users"),
              dataIndex: "userCount",
              align: "right",
            },
            {
              title: t("partners.statusLabel"),
              dataIndex: "status",
              render: (s: PartnerStatus) => (
                <ToneTag tone={s === "active" ? "green" : "default"}>{t(`partners.status.${s}`)}</ToneTag>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={open}
        title={t("partners.create")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form<PartnerValues>
          form={form}
          layout="vertical"
          name="partnerCreate"
          initialValues={{ kind: "enterprise" }}
          onFinish={(v) => void submit(v)}
        >
          <PartnerFields />
        </Form>
      </Modal>
    </>
  );
}

/**
 * 资金池: the base's funds (staff; a partner user its own partner's) with what each holds, has
 * committed, has paid out and has left, in yuan; staff create and edit them in a dialog (the
 * capacity typed in yuan) and close them.
 */
import { PlusOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FUND_KINDS, type FundKind } from "../../../../domain/funding/grant";
import { formatFen, parseYuan } from "../../../../domain/funding/money";
import type { Fund } from "../../../../schemas/funding/funds";
import { useCloseFund, useFunds, useSaveFund } from "../../../api/funding/projects";
import { usePartners } from "../../../api/services/partners";
import { useAccess } from "../../../auth/session";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage, showFieldError } from "../../../components/serverErrors";

interface Values {
  kind: FundKind;
  name: string;
  partnerId?: string | null;
  capacity: string;
  year?: number | null;
  description?: string;
}

const FIELDS = ["kind", "name", "partnerId", "capacityFen", "year", "description"];

export default function FundListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const access = useAccess();
  const manage = access.fundingManage;
  const funds = useFunds();
  const save = useSaveFund();
  const close = useCloseFund();
  const [editing, setEditing] = useState<Fund | "new" | null>(null);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const partners = usePartners({ status: "active", pageSize: 200 }, manage && editing === "new");
  const yuan = (fen: number) => formatFen(fen);

  const submit = async (values: Values) => {
    const capacityFen = parseYuan(values.capacity ?? "") ?? -1;
    const common = {
      name: values.name,
      capacityFen,
      year: values.year ?? null,
      description: values.description ?? "",
    };
    try {
      if (editing === "new") {
        await save.mutateAsync({
          body: { ...common, kind: values.kind, partnerId: values.partnerId ?? null },
        });
      } else if (editing) {
        await save.mutateAsync({ id: editing.id, body: { ...common, version: editing.version } });
      }
      message.success(t("fundingProjects.saved"));
      setEditing(null);
    } catch (error) {
      const shown = showFieldError(form, error, FIELDS);
      if (!shown) {
        const e = error as { field?: string; message: string };
        if (e.field === "capacityFen") form.setFields([{ name: "capacity", errors: [e.message] }]);
        else message.error(errorMessage(error));
      }
    }
  };

  const open = (fund: Fund | "new") => {
    form.resetFields();
    if (fund !== "new")
      form.setFieldsValue({
        kind: fund.kind,
        name: fund.name,
        partnerId: fund.partnerId,
        capacity: formatFen(fund.capacityFen),
        year: fund.year,
        description: fund.description,
      });
    setEditing(fund);
  };

  return (
    <>
      <PageHeader
        title={t("fundingProjects.funds.title")}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open("new")}>
              {t("fundingProjects.funds.create")}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{t("fundingProjects.funds.intro")}</Typography.Paragraph>
      {funds.isError ? (
        <QueryError error={funds.error} onRetry={() => void funds.refetch()} />
      ) : (
        <div aria-busy={funds.isFetching}>
          <Table<Fund>
            rowKey="id"
            loading={funds.isLoading}
            dataSource={funds.data?.items}
            pagination={false}
            scroll={{ x: true }}
            locale={{ emptyText: <Empty description={t("fundingProjects.funds.empty")} /> }}
            columns={[
              { title: t("fundingProjects.funds.name"), dataIndex: "name" },
              {
                title: t("fundingProjects.funds.kind"),
                dataIndex: "kind",
                render: (k: FundKind, f) =>
                  f.partnerName
                    ? `${t(`fundingProjects.fundKind.${k}`)} · ${f.partnerName}`
                    : t(`fundingProjects.fundKind.${k}`),
              },
              {
                title: t("fundingProjects.funds.year"),
                dataIndex: "year",
                render: (y: number | null) => y ?? "—",
              },
              {
                title: t("fundingProjects.funds.capacity"),
                dataIndex: "capacityFen",
                align: "right",
                render: yuan,
              },
              {
                title: t("fundingProjects.funds.committed"),
                dataIndex: "committedFen",
                align: "right",
                render: yuan,
              },
              {
                title: t("fundingProjects.funds.disbursed"),
                dataIndex: "disbursedFen",
                align: "right",
                render: yuan,
              },
              {
                title: t("fundingProjects.funds.available"),
                dataIndex: "availableFen",
                align: "right",
                render: yuan,
              },
              { title: t("fundingProjects.funds.grants"), dataIndex: "grantCount", align: "right" },
              {
                title: t("fundingProjects.funds.status"),
                dataIndex: "status",
                render: (s: Fund["status"]) => (
                  <ToneTag tone={s === "active" ? "green" : "default"}>
                    {t(`fundingProjects.fundStatus.${s}`)}
                  </ToneTag>
                ),
              },
              ...(manage
                ? [
                    {
                      title: "",
                      key: "actions",
                      render: (_: unknown, f: Fund) =>
                        f.status === "active" ? (
                          <Flex gap={4}>
                            <Button
                              size="small"
                              onClick={() => open(f)}
                              aria-label={`${t("fundingProjects.funds.edit")} ${f.name}`}
                            >
                              {t("common.edit")}
                            </Button>
                            <Popconfirm
                              title={t("fundingProjects.funds.closeConfirm")}
                              onConfirm={() =>
                                close.mutateAsync(f).catch((e) => void message.error(errorMessage(e)))
                              }
                            >
                              <Button size="small" danger>
                                {t("fundingProjects.funds.close")}
                              </Button>
                            </Popconfirm>
                          </Flex>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
      <Modal
        open={editing !== null}
        title={editing === "new" ? t("fundingProjects.funds.create") : t("fundingProjects.funds.edit")}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form<Values>
          form={form}
          layout="vertical"
          name="fund"
          initialValues={{ kind: "seed_fund" }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="kind" label={t("fundingProjects.funds.kind")} rules={[{ required: true }]}>
            <Select
              disabled={editing !== "new"}
              options={FUND_KINDS.map((k) => ({ value: k, label: t(`fundingProjects.fundKind.${k}`) }))}
            />
          </Form.Item>
          {kind === "partner_fund" && (
            <Form.Item
              name="partnerId"
              label={t("fundingProjects.funds.partner")}
              rules={[{ required: true }]}
            >
              <Select
                disabled={editing !== "new"}
                loading={partners.isLoading}
                options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="name"
            label={t("fundingProjects.funds.name")}
            rules={[{ required: true, min: 2, max: 80 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="capacity"
            label={t("fundingProjects.funds.capacity")}
            rules={[
              {
                validator: (_, v: string) =>
                  parseYuan(v ?? "") !== null
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("fundingProjects.funds.yuanInvalid"))),
              },
            ]}
          >
            <Input inputMode="decimal" addonAfter={t("fundingProjects.yuan")} />
          </Form.Item>
          <Form.Item name="year" label={t("fundingProjects.funds.year")}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="description" label={t("fundingProjects.funds.description")}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

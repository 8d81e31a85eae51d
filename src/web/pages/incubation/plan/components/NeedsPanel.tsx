/**
 * The organization's problems and needs (问题与需求), each with its 4Z category, source and status.
 * Staff record a need here; the organization's members read their own.
 */
import { App, Button, Card, Empty, Flex, Form, Input, List, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  NEED_SOURCES,
  NEED_STATUSES,
  type NeedSource,
  type NeedStatus,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from "../../../../../domain/incubation/plan";
import type { Need, PlanDimension } from "../../../../../schemas/incubation/plan";
import { isApiError } from "../../../../api/client";
import { useRecordNeed, useUpdateNeed } from "../../../../api/incubation/plan";
import { errorMessage } from "../../../../components/serverErrors";
import { useLang } from "../../../../i18n";
import { CategoryTag, usePlanLabels } from "./labels";

interface Props {
  incubationId: string;
  needs: Need[];
  dimensions: PlanDimension[];
  canManage: boolean;
}

export function NeedsPanel({ incubationId, needs, dimensions, canManage }: Props) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const lang = useLang();
  const [adding, setAdding] = useState(false);
  const { message } = App.useApp();
  const update = useUpdateNeed(incubationId);
  const setStatus = async (need: Need, status: NeedStatus) => {
    try {
      await update.mutateAsync({ ...need, id: need.id, status });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const dimensionName = (key: string | null) => dimensions.find((d) => d.key === key)?.name[lang] ?? key;
  return (
    <Card
      title={<h2 className="hatchery-card-title">{t("incubationPlan.needs.title")}</h2>}
      extra={
        canManage && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t("incubationPlan.needs.add")}
          </Button>
        )
      }
    >
      {canManage && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t("incubationPlan.needs.help")}
        </Typography.Paragraph>
      )}
      {needs.length === 0 ? (
        <Empty description={t("incubationPlan.needs.empty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={needs}
          renderItem={(need) => (
            <List.Item
              extra={
                canManage && (
                  <Select
                    size="small"
                    aria-label={`${t("incubationPlan.needs.status")}：${need.title}`}
                    value={need.status}
                    style={{ minWidth: 96 }}
                    onChange={(status) => void setStatus(need, status)}
                    options={NEED_STATUSES.map((s) => ({ value: s, label: labels.needStatus[s] }))}
                  />
                )
              }
            >
              <Flex vertical gap={4} style={{ width: "100%" }}>
                <Flex wrap gap={8} align="center">
                  <CategoryTag category={need.category} />
                  <Typography.Text strong delete={need.status === "dropped"}>
                    {need.title}
                  </Typography.Text>
                </Flex>
                {need.detail && <Typography.Text>{need.detail}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[
                    labels.needSource[need.source],
                    need.dimensionKey ? dimensionName(need.dimensionKey) : null,
                    labels.needStatus[need.status],
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {adding && (
        <NeedDialog incubationId={incubationId} dimensions={dimensions} onClose={() => setAdding(false)} />
      )}
    </Card>
  );
}

interface NeedValues {
  category: ServiceCategory;
  title: string;
  detail?: string;
  source: NeedSource;
  dimensionKey?: string | null;
}

function NeedDialog({
  incubationId,
  dimensions,
  onClose,
}: {
  incubationId: string;
  dimensions: PlanDimension[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<NeedValues>();
  const record = useRecordNeed(incubationId);
  const submit = async (values: NeedValues) => {
    try {
      await record.mutateAsync({
        ...values,
        detail: values.detail ?? "",
        dimensionKey: values.dimensionKey ?? null,
      });
      message.success(t("incubationPlan.needs.recorded"));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.field)
        form.setFields([{ name: error.field as keyof NeedValues, errors: [error.message] }]);
      else message.error(errorMessage(error));
    }
  };
  return (
    <Modal
      open
      title={t("incubationPlan.needs.addTitle")}
      okText={t("incubationPlan.needs.save")}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: "interview" }}>
        <Form.Item name="category" label={t("incubationPlan.needs.category")} rules={[{ required: true }]}>
          <Select options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: labels.category[c] }))} />
        </Form.Item>
        <Form.Item name="title" label={t("incubationPlan.needs.titleField")} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="detail" label={t("incubationPlan.needs.detail")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="source" label={t("incubationPlan.needs.source")} rules={[{ required: true }]}>
          <Select options={NEED_SOURCES.map((s) => ({ value: s, label: labels.needSource[s] }))} />
        </Form.Item>
        {dimensions.length > 0 && (
          <Form.Item name="dimensionKey" label={t("incubationPlan.needs.dimension")}>
            <Select allowClear options={dimensions.map((d) => ({ value: d.key, label: d.name[lang] }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

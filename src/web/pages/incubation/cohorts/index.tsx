/** 孵化批次与设置: the base's cohorts with their counts per status, a new cohort, the settings. */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { INCUBATION_SETTING_LIMITS, INCUBATION_STATUSES } from "../../../../domain/incubation/lifecycle";
import type { Cohort, IncubationSettingsBody } from "../../../../schemas/incubation/incubations";
import { isApiError } from "../../../api/client";
import {
  useCohorts,
  useCreateCohort,
  useIncubationSettings,
  useSaveIncubationSettings,
} from "../../../api/incubation/incubations";
import { DateInput } from "../../../components/DateInput";
import { formatDate } from "../../../components/format";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage, showFieldError } from "../../../components/serverErrors";
import { useIncubationLabels } from "../incubations/components/labels";

const h2 = (text: string) => <h2 className="hatchery-card-title">{text}</h2>;

export default function CohortsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("incubations.adminTitle")} backTo="/incubations" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Cohorts />
        </Col>
        <Col xs={24} xl={8}>
          <Settings />
        </Col>
      </Row>
    </>
  );
}

function Cohorts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useIncubationLabels();
  const cohorts = useCohorts();
  const create = useCreateCohort();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; startsOn: string }>();
  const submit = async (values: { name: string; startsOn: string }) => {
    try {
      await create.mutateAsync(values);
      void message.success(t("incubations.cohorts.created"));
      setOpen(false);
      form.resetFields();
    } catch (error) {
      if (isApiError(error) && error.code === "cohort_name_taken") {
        form.setFields([{ name: "name", errors: [error.message] }]);
      } else if (!showFieldError(form, error, ["name", "startsOn"])) {
        void message.error(errorMessage(error));
      }
    }
  };
  if (cohorts.isError) return <QueryError error={cohorts.error} onRetry={() => void cohorts.refetch()} />;
  return (
    <Card
      size="small"
      title={h2(t("incubations.cohorts.title"))}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
          {t("incubations.cohorts.create")}
        </Button>
      }
    >
      <Table<Cohort>
        rowKey="id"
        size="small"
        loading={cohorts.isFetching}
        dataSource={cohorts.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            key: "name",
            title: t("incubations.cohorts.name"),
            render: (_, c) => <Link to={`/incubations?cohortId=${c.id}`}>{c.name}</Link>,
          },
          {
            key: "startsOn",
            title: t("incubations.cohorts.startsOn"),
            render: (_, c) => formatDate(c.startsOn),
          },
          ...INCUBATION_STATUSES.map((s) => ({
            key: s,
            title: labels.status[s],
            align: "right" as const,
            render: (_: unknown, c: Cohort) => c.counts[s] || "",
          })),
          {
            key: "total",
            title: t("incubations.cohorts.total"),
            align: "right" as const,
            render: (_, c) => c.total,
          },
        ]}
      />
      <Modal
        open={open}
        title={t("incubations.cohorts.create")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="name"
            label={t("incubations.cohorts.name")}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={60} placeholder="2027年第一期" />
          </Form.Item>
          <Form.Item name="startsOn" label={t("incubations.cohorts.startsOn")} rules={[{ required: true }]}>
            <DateInput min="2000-01-01" max="2100-12-31" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

type SettingsValues = Omit<IncubationSettingsBody, "version">;

function Settings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useIncubationSettings();
  const save = useSaveIncubationSettings();
  const [form] = Form.useForm<SettingsValues>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const submit = async (values: SettingsValues) => {
    if (!settings.data) return;
    try {
      await save.mutateAsync({ ...values, version: settings.data.version });
      void message.success(t("incubations.settings.saved"));
    } catch (error) {
      if (isApiError(error) && error.code === "version_conflict") {
        void message.error(error.message);
        void settings.refetch();
      } else if (!showFieldError(form, error, ["termMonths", "baselineDueDays", "exitDueDays"])) {
        void message.error(errorMessage(error));
      }
    }
  };
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const number = (key: keyof SettingsValues) => (
    <Form.Item name={key} label={t(`incubations.settings.${key}`)} rules={[{ required: true }]}>
      <InputNumber
        min={INCUBATION_SETTING_LIMITS[key].min}
        max={INCUBATION_SETTING_LIMITS[key].max}
        precision={0}
        style={{ width: "100%" }}
      />
    </Form.Item>
  );
  return (
    <Card size="small" title={h2(t("incubations.settings.title"))}>
      {settings.data && !settings.data.saved && (
        <Typography.Paragraph type="secondary">{t("incubations.settings.defaults")}</Typography.Paragraph>
      )}
      <Form<SettingsValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {number("termMonths")}
        {number("baselineDueDays")}
        {number("exitDueDays")}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}

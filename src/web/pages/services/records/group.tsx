/**
 * 记录服务 (staff): a service the base gave unasked, to one organization or a group at once (one
 * talk to 12 organizations is 12 service records from this one form, all or nothing). Each record
 * reaches the organization's growth file and the service ledger; the served members may rate it.
 */
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Radio, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SERVICE_CATEGORIES } from "../../../../domain/services/categories";
import { SERVICE_LIMITS, SERVICE_MODES } from "../../../../domain/services/request";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";
import type { RecordBulkCreate } from "../../../../schemas/services/requests";
import { useRecordForGroup } from "../../../api/services/desk";
import { dayjs } from "../../../components/format";
import { OrganizationMultiSelect } from "../../../components/OrganizationSelect";
import { PageHeader } from "../../../components/PageHeader";
import { errorMessage, showFieldError } from "../../../components/serverErrors";

type Values = Omit<RecordBulkCreate, "deliveredOn"> & { deliveredOn: ReturnType<typeof dayjs> };

const FIELDS = [
  "organizationIds",
  "category",
  "title",
  "detail",
  "mode",
  "deliveredOn",
  "minutes",
  "givenByName",
];

export default function RecordServicePage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "en" ? "en" : "zh-CN") as Lang;
  const [form] = Form.useForm<Values>();
  const record = useRecordForGroup();
  const { message } = App.useApp();
  const [done, setDone] = useState<{ count: number; title: string } | null>(null);
  const chosen = Form.useWatch("organizationIds", form) ?? [];

  const submit = async (values: Values) => {
    try {
      const res = await record.mutateAsync({
        ...values,
        givenByName: values.givenByName || null,
        deliveredOn: values.deliveredOn.format("YYYY-MM-DD"),
      });
      setDone({ count: res.count, title: values.title });
      form.resetFields();
    } catch (error) {
      if (!showFieldError(form, error, FIELDS)) message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader title={t("serviceDesk.group.title")} backTo="/services/requests" />
      <Flex vertical gap={16} style={{ maxWidth: 720 }}>
        {done && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setDone(null) }}
            title={t("serviceDesk.group.done", { count: done.count, title: done.title })}
            description={<Link to="/service-figures">{t("serviceDesk.group.seeFigures")}</Link>}
          />
        )}
        <Alert type="info" title={t("serviceDesk.group.intro")} />
        <Form<Values>
          form={form}
          layout="vertical"
          name="groupRecord"
          initialValues={{ mode: "onsite", minutes: 60, deliveredOn: dayjs(), category: "consulting" }}
          onValuesChange={() => setDone(null)}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            name="organizationIds"
            label={t("serviceDesk.group.organizations")}
            extra={t("serviceDesk.group.organizationsHelp", { count: chosen.length })}
            rules={[{ required: true, type: "array", min: 1, max: SERVICE_LIMITS.bulkOrganizations }]}
          >
            <OrganizationMultiSelect placeholder={t("serviceDesk.group.search")} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="category" label={t("serviceDesk.category")} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[lang][c] }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t("serviceDesk.recordTitle")} rules={[{ required: true, max: 100 }]}>
            <Input maxLength={100} placeholder={t("serviceDesk.group.titleHint")} />
          </Form.Item>
          <Form.Item name="detail" label={t("serviceDesk.recordDetail")} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="mode" label={t("serviceDesk.mode")} rules={[{ required: true }]}>
              <Select
                style={{ width: 160 }}
                options={SERVICE_MODES.map((m) => ({ value: m, label: SERVICE_LABELS[lang].mode[m] }))}
              />
            </Form.Item>
            <Form.Item name="deliveredOn" label={t("serviceDesk.deliveredOn")} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day") || d.year() < 2015} />
            </Form.Item>
            <Form.Item name="minutes" label={t("serviceDesk.minutesLabel")} rules={[{ required: true }]}>
              <InputNumber min={1} max={SERVICE_LIMITS.minutes} precision={0} style={{ width: 140 }} />
            </Form.Item>
          </Flex>
          <Form.Item
            name="givenByName"
            label={t("serviceDesk.group.givenBy")}
            extra={t("serviceDesk.group.givenByHelp")}
            rules={[{ max: 60 }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {chosen.length > 1
              ? t("serviceDesk.group.submitMany", { count: chosen.length })
              : t("serviceDesk.group.submit")}
          </Button>
        </Form>
      </Flex>
    </>
  );
}

/**
 * 申请服务: a member picks a service of the catalogue (those not offered to its organization are
 * shown but cannot be chosen) or describes something else with a category. One column: a phone.
 */
import { App, Button, Form, Input, Radio, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { SERVICE_CATEGORIES } from "../../../../domain/services/categories";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";
import type { RequestCreate } from "../../../../schemas/services/requests";
import { useAskForService, useCatalogue } from "../../../api/services/desk";
import { PageHeader } from "../../../components/PageHeader";
import { showFieldError } from "../../../components/serverErrors";

const FIELDS = ["catalogueId", "category", "title", "detail"] as const;

export default function AskForServicePage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "en" ? "en" : "zh-CN") as Lang;
  const [form] = Form.useForm<RequestCreate>();
  const catalogue = useCatalogue();
  const ask = useAskForService();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const catalogueId = Form.useWatch("catalogueId", form);
  const chosen = catalogue.data?.items.find((s) => s.id === catalogueId);
  const free = catalogueId === "other";

  const submit = async (values: RequestCreate) => {
    try {
      const body = free ? { ...values, catalogueId: null } : { ...values, category: null };
      const { id } = await ask.mutateAsync(body);
      message.success(t("serviceDesk.submitted"));
      navigate(`/services/requests/${id}`);
    } catch (error) {
      if (!showFieldError(form, error, FIELDS)) message.error(String((error as Error).message));
    }
  };

  return (
    <>
      <PageHeader title={t("serviceDesk.askTitle")} backTo="/services/requests" />
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
        <Form.Item name="catalogueId" label={t("serviceDesk.fromCatalogue")} rules={[{ required: true }]}>
          <Select
            loading={catalogue.isLoading}
            options={[
              ...SERVICE_CATEGORIES.map((c) => ({
                label: SERVICE_CATEGORY_LABELS[lang][c],
                options: (catalogue.data?.items ?? [])
                  .filter((s) => s.category === c)
                  .map((s) => ({
                    value: s.id,
                    disabled: !s.mayAsk,
                    label: s.mayAsk ? s.name : `${s.name}（${t("serviceDesk.notForYou")}）`,
                  })),
              })),
              {
                label: t("serviceDesk.freeText"),
                options: [{ value: "other", label: t("serviceDesk.freeText") }],
              },
            ]}
          />
        </Form.Item>
        {chosen && (
          <Typography.Paragraph type="secondary">
            {chosen.description} {t("serviceDesk.responseDays", { days: chosen.responseDays })}
          </Typography.Paragraph>
        )}
        {free && (
          <>
            <Form.Item name="category" label={t("serviceDesk.category")} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={SERVICE_CATEGORIES.map((c) => ({
                  value: c,
                  label: SERVICE_CATEGORY_LABELS[lang][c],
                }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t("serviceDesk.title")} rules={[{ required: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="detail"
          label={t("serviceDesk.detail")}
          extra={t("serviceDesk.detailHelp")}
          rules={[{ required: true, max: 2000 }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={ask.isPending}>
            {t("serviceDesk.submit")}
          </Button>
        </Space>
      </Form>
    </>
  );
}

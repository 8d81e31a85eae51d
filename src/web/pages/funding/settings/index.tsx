/**
 * 资金设置 (staff): the project grant cap (typed in yuan), the report grace days and the budget
 * variance threshold (typed in %), saved with the version; and the flagship programmes (十大工程).
 */
import { App, Button, Card, Flex, Form, Input, InputNumber, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatFen, parseYuan } from "../../../../domain/funding/money";
import type { FundingSettingsView } from "../../../../schemas/funding/settings";
import {
  fetchFundingSettings,
  useFundingSettings,
  useSaveFundingSettings,
} from "../../../api/funding/projects";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { showFieldError } from "../../../components/serverErrors";
import { useVersionedForm } from "../../../components/useVersionedForm";
import { ProgrammesCard } from "./ProgrammesCard";

interface Values {
  cap: string;
  reportGraceDays: number;
  variancePercent: number;
}

const toValues = (s: FundingSettingsView): Values => ({
  cap: formatFen(s.projectGrantCapFen),
  reportGraceDays: s.reportGraceDays,
  variancePercent: s.varianceThresholdBp / 100,
});

export default function FundingSettingsPage() {
  const { t } = useTranslation();
  const settings = useFundingSettings();
  return (
    <>
      <PageHeader title={t("fundingProjects.settings.title")} />
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <SettingsForm key={settings.data.version} original={settings.data} />
      ) : (
        <Skeleton active />
      )}
      <ProgrammesCard />
    </>
  );
}

function SettingsForm({ original }: { original: FundingSettingsView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveFundingSettings();
  const record = { ...original, id: "settings" };
  const editor = useVersionedForm<Values, typeof record>({
    form,
    original: record,
    fetchLatest: async () => ({ ...(await fetchFundingSettings()), id: "settings" }),
    toFormValues: toValues,
    showFieldError: (error) =>
      showFieldError(form, error, ["projectGrantCapFen", "reportGraceDays", "varianceThresholdBp"]),
    keptMineMessage: t("fundingProjects.keptMine"),
  });
  const onFinish = async (values: Values) => {
    editor.clearFormError();
    try {
      await save.mutateAsync({
        projectGrantCapFen: parseYuan(values.cap) ?? 0,
        reportGraceDays: values.reportGraceDays,
        varianceThresholdBp: Math.round(values.variancePercent * 100),
        version: editor.version,
      });
      editor.saved();
      message.success(t("fundingProjects.saved"));
    } catch (error) {
      editor.saveFailed(error);
    }
  };
  return (
    <Card>
      {editor.banners}
      {!original.saved && (
        <Typography.Paragraph type="secondary">{t("fundingProjects.settings.defaults")}</Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="fundingSettings"
        initialValues={toValues(original)}
        onValuesChange={editor.markDirty}
        onFinish={(v) => void onFinish(v)}
        style={{ maxWidth: 480 }}
      >
        <Form.Item
          name="cap"
          label={t("fundingProjects.settings.cap")}
          extra={t("fundingProjects.settings.capHelp")}
          rules={[
            {
              validator: (_, v: string) =>
                parseYuan(v ?? "")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("fundingProjects.funds.yuanInvalid"))),
            },
          ]}
        >
          <Input inputMode="decimal" addonAfter={t("fundingProjects.yuan")} />
        </Form.Item>
        <Form.Item
          name="reportGraceDays"
          label={t("fundingProjects.settings.grace")}
          extra={t("fundingProjects.settings.graceHelp")}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="variancePercent"
          label={t("fundingProjects.settings.variance")}
          extra={t("fundingProjects.settings.varianceHelp")}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={100} precision={2} style={{ width: "100%" }} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

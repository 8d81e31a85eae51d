/**
 * The mentor's session log (记录辅导), laid out for a phone: one column, native date inputs, the
 * action items as a short list that each join the organization's plan.
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionCreate } from "../../../../../schemas/services/mentoring";
import { useLogSession } from "../../../../api/services/mentoring";
import { errorMessage } from "../../../../components/serverErrors";

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function SessionForm({ incubationId }: { incubationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionCreate>();
  const log = useLogSession(incubationId);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: SessionCreate) => {
    setError(null);
    try {
      await log.mutateAsync({ ...values, actionItems: values.actionItems ?? [] });
      message.success(t("mentoring.logged"));
      form.resetFields();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card title={<h2 className="hatchery-card-title">{t("mentoring.logTitle")}</h2>}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ heldOn: today(), minutes: 60, topics: [], advice: "", actionItems: [] }}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 640 }}
      >
        <Space wrap size={16}>
          <Form.Item name="heldOn" label={t("mentoring.heldOn")} rules={[{ required: true }]}>
            <Input type="date" max={today()} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="minutes" label={t("mentoring.minutes")} rules={[{ required: true }]}>
            <InputNumber min={10} max={480} step={15} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="topics"
          label={t("mentoring.topics")}
          extra={t("mentoring.topicsHelp")}
          rules={[{ required: true, type: "array", min: 1 }]}
        >
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={["，", ","]}
            aria-label={t("mentoring.topics")}
          />
        </Form.Item>
        <Form.Item name="advice" label={t("mentoring.advice")} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item label={t("mentoring.actionItems")} extra={t("mentoring.actionItemsHelp")}>
          <Form.List name="actionItems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, index) => (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }}>
                    <Form.Item
                      name={[f.name, "title"]}
                      label={t("mentoring.itemTitle")}
                      rules={[{ required: true }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Space wrap align="end">
                      <Form.Item
                        name={[f.name, "owner"]}
                        label={t("mentoring.owner")}
                        initialValue="organization"
                      >
                        <Select
                          style={{ width: 120 }}
                          options={(["organization", "mentor"] as const).map((o) => ({
                            value: o,
                            label: t(`mentoring.ownerOf.${o}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, "dueOn"]}
                        label={t("mentoring.dueOn")}
                        rules={[{ required: true }]}
                      >
                        <Input type="date" min={today()} style={{ width: 170 }} />
                      </Form.Item>
                      <Form.Item>
                        <Button
                          icon={<DeleteOutlined />}
                          // Numbered, so that each of several delete buttons says which item it removes.
                          aria-label={t("mentoring.removeItem", { n: index + 1 })}
                          onClick={() => remove(f.name)}
                        />
                      </Form.Item>
                    </Space>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ owner: "organization", title: "", dueOn: "" })}
                >
                  {t("mentoring.addItem")}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={log.isPending} block>
          {t("mentoring.log")}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * The staff's lifecycle buttons on a grant: approve (disabled for its preparer, with the reason),
 * record the signing (with its day), suspend, resume, close and cancel (with a reason).
 */
import { Alert, App, Button, Form, Input, Modal, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GrantEvent } from "../../../../domain/funding/grant";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { GrantView } from "../../../../schemas/funding/grants";
import { useGrantStep } from "../../../api/funding/grants";
import { errorMessage } from "../../../components/serverErrors";

const NEEDS_REASON: GrantEvent[] = ["suspend", "close", "cancel"];

export function GrantActions({ grant }: { grant: GrantView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useGrantStep(grant.id);
  const [asking, setAsking] = useState<GrantEvent | null>(null);
  const [form] = Form.useForm<{ reason?: string; signedOn?: string }>();
  const events = grant.may.events.filter((e) => e !== "activate");
  if (events.length === 0) return null;

  const fire = async (event: GrantEvent, values: { reason?: string; signedOn?: string } = {}) => {
    try {
      await step.mutateAsync({ event, version: grant.version, ...values });
      message.success(t("grants.done"));
      setAsking(null);
      form.resetFields();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Space wrap direction="vertical" style={{ width: "100%" }}>
      {grant.may.approveBlocked && <Alert type="warning" showIcon title={grant.may.approveBlocked} />}
      <Space wrap>
        {events.map((event) => (
          <Button
            key={event}
            type={event === "approve" || event === "sign" ? "primary" : "default"}
            danger={event === "cancel"}
            disabled={event === "approve" && !!grant.may.approveBlocked}
            loading={step.isPending && step.variables?.event === event}
            onClick={() =>
              NEEDS_REASON.includes(event) || event === "sign" ? setAsking(event) : void fire(event)
            }
          >
            {t(`grants.actions.${event as "approve"}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!asking}
        title={asking ? t(`grants.actions.${asking as "approve"}`) : ""}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
        confirmLoading={step.isPending}
        onCancel={() => setAsking(null)}
        onOk={() => form.validateFields().then((values) => asking && fire(asking, values))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ signedOn: shanghaiDate(new Date()) }}>
          {asking === "sign" ? (
            <Form.Item name="signedOn" label={t("grants.signedOn")} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          ) : (
            <Form.Item
              name="reason"
              label={t("grants.reason")}
              rules={[{ required: true, whitespace: true, message: t("grants.reasonPrompt") }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

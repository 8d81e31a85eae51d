/** One lifecycle event in a modal: the reason where it needs one, the new end for an extension. */
import { App, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import {
  EVENTS_NEEDING_END_DATE,
  EVENTS_NEEDING_REASON,
  type IncubationEvent,
} from "../../../../../domain/incubation/lifecycle";
import type { Incubation } from "../../../../../schemas/incubation/incubations";
import { isApiError } from "../../../../api/client";
import { useTransition } from "../../../../api/incubation/incubations";
import { DateInput } from "../../../../components/DateInput";
import { errorMessage, showFieldError } from "../../../../components/serverErrors";
import { useIncubationLabels } from "../components/labels";

interface Values {
  reason?: string;
  plannedEndOn?: string;
}

export function ActionDialog({
  incubation,
  event,
  onClose,
  onStale,
}: {
  incubation: Incubation;
  event: IncubationEvent | null;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useIncubationLabels();
  const [form] = Form.useForm<Values>();
  const transition = useTransition(incubation.id);
  const needsReason = !!event && EVENTS_NEEDING_REASON.includes(event);
  const needsEnd = !!event && EVENTS_NEEDING_END_DATE.includes(event);

  const submit = async (values: Values) => {
    if (!event) return;
    try {
      await transition.mutateAsync({ event, ...values, version: incubation.version });
      void message.success(t("incubations.done", { event: labels.event[event] }));
      form.resetFields();
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        void message.error(error.message);
        onStale();
        onClose();
      } else if (!showFieldError(form, error, ["reason", "plannedEndOn"])) {
        void message.error(errorMessage(error));
      }
    }
  };

  return (
    <Modal
      open={!!event}
      title={event ? labels.event[event] : ""}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={event ? labels.event[event] : ""}
      okButtonProps={{ danger: event === "terminate" }}
      confirmLoading={transition.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {needsEnd && (
          <Form.Item
            name="plannedEndOn"
            label={t("incubations.newEnd")}
            extra={t("incubations.endLater", { date: incubation.plannedEndOn })}
            rules={[{ required: true }]}
          >
            <DateInput min={incubation.plannedEndOn} max="2100-12-31" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t("incubations.reason")}
          rules={needsReason ? [{ required: true, whitespace: true }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

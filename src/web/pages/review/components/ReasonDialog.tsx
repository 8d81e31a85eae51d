import { DatePicker, Form, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { dayjs } from "../../../components/format";

interface Props {
  open: boolean;
  title: string;
  /** What the confirm asks, above the reason. */
  question?: string;
  /** Required reason (return, ineligible) or an optional note (accept). */
  reason: "required" | "optional";
  /** A hint under the reason; it stays visible next to a validation error (antd's `extra`). */
  hint?: string;
  /** What the error says when a required reason is empty (default: "请填写原因"). */
  requiredMessage?: string;
  confirming: boolean;
  danger?: boolean;
  /**
   * Ask until when the applicant may resubmit (a return): "required" once the call's deadline
   * has passed (the applicant could not resubmit at all otherwise), else "optional".
   */
  resubmitUntil?: "required" | "optional";
  onConfirm: (reason: string, resubmitUntil: string | null) => void;
  onCancel: () => void;
}

/** The confirm of a decision, with the reason the applicant will read. */
export function ReasonDialog({
  open,
  title,
  question,
  reason,
  hint,
  requiredMessage,
  confirming,
  danger,
  resubmitUntil,
  onConfirm,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; resubmitUntil?: Dayjs | null }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={t("review.action.confirm")}
      cancelText={t("review.action.cancel")}
      okButtonProps={{ danger, loading: confirming }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {question && <p>{question}</p>}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => onConfirm(v.reason?.trim() ?? "", v.resubmitUntil?.toISOString() ?? null)}
      >
        <Form.Item
          name="reason"
          label={reason === "required" ? t("review.action.reason") : t("review.action.note")}
          extra={hint}
          rules={
            reason === "required"
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: requiredMessage ?? t("review.action.reasonRequired"),
                  },
                ]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
        {resubmitUntil && (
          <Form.Item
            name="resubmitUntil"
            label={t("review.action.resubmitUntil")}
            extra={
              resubmitUntil === "required"
                ? t("review.action.resubmitUntilRequired")
                : t("review.action.resubmitUntilHelp")
            }
            rules={[
              { required: resubmitUntil === "required", message: t("review.action.resubmitUntilMissing") },
              {
                validator: (_, value: Dayjs | null | undefined) =>
                  !value || value.isAfter(dayjs())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("review.action.untilFuture"))),
              },
            ]}
          >
            <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

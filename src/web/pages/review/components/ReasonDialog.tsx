import { Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  open: boolean;
  title: string;
  /** What the confirm asks, above the reason. */
  question?: string;
  /** Required reason (return, ineligible) or an optional note (accept). */
  reason: "required" | "optional";
  help?: string;
  confirming: boolean;
  danger?: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** The confirm of a decision, with the reason the applicant will read. */
export function ReasonDialog({
  open,
  title,
  question,
  reason,
  help,
  confirming,
  danger,
  onConfirm,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
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
      <Form form={form} layout="vertical" onFinish={(v) => onConfirm(v.reason?.trim() ?? "")}>
        <Form.Item
          name="reason"
          label={reason === "required" ? t("review.action.reason") : t("review.action.note")}
          help={help}
          rules={
            reason === "required"
              ? [{ required: true, whitespace: true, message: t("review.action.reasonRequired") }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

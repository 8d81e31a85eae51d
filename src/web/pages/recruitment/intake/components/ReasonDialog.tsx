import { Checkbox, DatePicker, Form, type FormInstance, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { dayjs } from "../../../../components/format";

type Values = { reason: string; resubmitUntil?: Dayjs | null; acknowledged?: boolean };

interface Props {
  open: boolean;
  title: string;
  /** What the confirm asks, above the reason. */
  question?: string;
  /** What staff must know before confirming (e.g. items not checked), under the question. */
  warning?: ReactNode;
  /** A box staff must tick to confirm (with `warning`): its label, and the error when it is not. */
  acknowledge?: {
    label: string;
    requiredMessage: string /** A new list: the box is cleared. */;
    key?: string;
  };
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
  /** What the reason starts with when the dialog opens (a draft staff edit), else empty. */
  initialReason?: string;
  onConfirm: (reason: string, resubmitUntil: string | null) => void;
  /** Closed without deciding; gets the reason as it stood, so a caller may keep the draft. */
  onCancel: (reason: string) => void;
}

/** The confirm of a decision, with the reason the applicant will read. */
export function ReasonDialog({
  open,
  title,
  question,
  warning,
  acknowledge,
  reason,
  hint,
  requiredMessage,
  confirming,
  danger,
  resubmitUntil,
  initialReason,
  onConfirm,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t("intake.action.confirm")}
      cancelText={t("intake.action.cancel")}
      okButtonProps={{ danger, loading: confirming }}
      onOk={() => form.submit()}
      onCancel={() => onCancel(form.getFieldValue("reason") ?? "")}
      destroyOnHidden
    >
      {question && <p>{question}</p>}
      {warning}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => onConfirm(v.reason?.trim() ?? "", v.resubmitUntil?.toISOString() ?? null)}
      >
        <Form.Item
          name="reason"
          label={reason === "required" ? t("intake.action.reason") : t("intake.action.note")}
          extra={hint}
          rules={
            reason === "required"
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: requiredMessage ?? t("intake.action.reasonRequired"),
                  },
                ]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
        {acknowledge && (
          <Form.Item
            name="acknowledged"
            valuePropName="checked"
            rules={[
              {
                validator: (_, checked?: boolean) =>
                  checked ? Promise.resolve() : Promise.reject(new Error(acknowledge.requiredMessage)),
              },
            ]}
          >
            <Checkbox>{acknowledge.label}</Checkbox>
          </Form.Item>
        )}
        {resubmitUntil && (
          <Form.Item
            name="resubmitUntil"
            label={t("intake.action.resubmitUntil")}
            extra={
              resubmitUntil === "required"
                ? t("intake.action.resubmitUntilRequired")
                : t("intake.action.resubmitUntilHelp")
            }
            rules={[
              { required: resubmitUntil === "required", message: t("intake.action.resubmitUntilMissing") },
              {
                validator: (_, value: Dayjs | null | undefined) =>
                  !value || value.isAfter(dayjs())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("intake.action.untilFuture"))),
              },
            ]}
          >
            <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
          </Form.Item>
        )}
      </Form>
      <StartAfresh form={form} reason={initialReason ?? ""} />
      <Unacknowledge form={form} listKey={acknowledge?.key} />
    </Modal>
  );
}

/**
 * Each opening starts afresh: no text of another decision, the draft (if any) in the reason. It
 * sits in the dialog's content, so it runs once the form is there (the content mounts on open and
 * is destroyed on close), and only then: a refetch while the dialog is open keeps staff's edits.
 */
function StartAfresh({ form, reason }: { form: FormInstance<Values>; reason: string }) {
  const initial = useRef(reason);
  useEffect(() => {
    form.resetFields();
    if (initial.current && !form.getFieldValue("reason")) form.setFieldsValue({ reason: initial.current });
  }, [form]);
  return null;
}

/** A tick given for one list does not carry over to another (a bulk accept's list may change). */
function Unacknowledge({ form, listKey }: { form: FormInstance<Values>; listKey: string | undefined }) {
  useEffect(() => {
    if (listKey !== undefined) form.setFieldValue("acknowledged", false);
  }, [form, listKey]);
  return null;
}

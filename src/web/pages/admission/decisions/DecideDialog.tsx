/**
 * The reason dialog of a decision (admit, waitlist, reject, reconsider, offer from the waitlist).
 * Admitting beyond the quota needs the explicit override: a checkbox that opens its own reason,
 * shown at once when the track is full, or after the server's 409 quota_exceeded.
 */
import { Alert, Checkbox, Form, Input, Modal, message } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDecisionAct } from "../../../api/admission/meeting";
import { isApiError } from "../../../api/client";
import { DateInput } from "../../../components/DateInput";
import { errorMessage } from "../../../components/serverErrors";

export type DecideKind = "admitted" | "waitlisted" | "rejected" | "reconsider" | "offer";

export interface DecideTarget {
  applicationId: string;
  organizationName: string;
  version: number;
  kind: DecideKind;
  /** The track's quota is already taken (admitted + confirmed ≥ quota). */
  quotaFull: boolean;
}

const TITLE_KEY = {
  admitted: "admission.decide.admit",
  waitlisted: "admission.decide.waitlist",
  rejected: "admission.decide.reject",
  reconsider: "admission.decide.reconsider",
  offer: "admission.decide.offer",
} as const satisfies Record<DecideKind, string>;

export function DecideDialog({
  roundId,
  target,
  onClose,
}: {
  roundId: string;
  target: DecideTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const act = useDecisionAct(roundId);
  const admits = target.kind === "admitted" || target.kind === "offer";
  const [override, setOverride] = useState(false);
  const [quotaError, setQuotaError] = useState<string | null>(null);
  const showOverride = admits && (target.quotaFull || quotaError !== null);

  const submit = async () => {
    const values = await form.validateFields();
    const id = target.applicationId;
    const version = target.version;
    const overQuotaReason = override ? values.overQuotaReason : undefined;
    try {
      if (target.kind === "reconsider") {
        await act.mutateAsync({ kind: "reconsider", id, body: { reason: values.reason, version } });
      } else if (target.kind === "offer") {
        await act.mutateAsync({
          kind: "offer",
          id,
          body: { reason: values.reason, confirmBy: values.confirmBy, overQuotaReason, version },
        });
      } else {
        await act.mutateAsync({
          kind: "decision",
          id,
          body: {
            decision: target.kind,
            reason: values.reason,
            releasedSummary: values.summary,
            overQuotaReason,
            version,
          },
        });
      }
      void message.success(t("admission.decide.done"));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === "quota_exceeded") {
        setQuotaError(error.message);
        return;
      }
      void message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open
      title={t("admission.decide.dialogTitle", {
        decision: t(TITLE_KEY[target.kind]),
        name: target.organizationName,
      })}
      okText={t(TITLE_KEY[target.kind])}
      okButtonProps={{ danger: target.kind === "rejected", disabled: showOverride && !override && admits }}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={act.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="reason"
          label={t("admission.decide.reason")}
          rules={[{ required: true, whitespace: true, message: t("admission.decide.reasonRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
        </Form.Item>
        {(target.kind === "admitted" || target.kind === "waitlisted" || target.kind === "rejected") && (
          <Form.Item name="summary" label={t("admission.decide.summary")}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
        )}
        {target.kind === "offer" && (
          <Form.Item name="confirmBy" label={t("admission.decide.confirmBy")} rules={[{ required: true }]}>
            <DateInput min={new Date().toISOString().slice(0, 10)} max="2100-12-31" />
          </Form.Item>
        )}
        {showOverride && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={quotaError ?? t("admission.decide.overQuotaHint")}
            />
            <Checkbox
              checked={override}
              onChange={(e) => setOverride(e.target.checked)}
              style={{ marginBottom: 12 }}
            >
              {t("admission.decide.overQuotaToggle")}
            </Checkbox>
            {override && (
              <Form.Item
                name="overQuotaReason"
                label={t("admission.decide.overQuota")}
                rules={[{ required: true, whitespace: true, message: t("admission.decide.reasonRequired") }]}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}

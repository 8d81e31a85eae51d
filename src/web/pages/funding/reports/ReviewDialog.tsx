/**
 * The staff's review of a submitted report: accept, return with a note, or (a mid-term evaluation
 * or final report) fail it; failing a mid-term may end the grant at once with the money to be
 * recovered. The same dialog ends the grant of a mid-term already failed (late, by the platform).
 */
import { App, Button, Checkbox, Flex, Form, Input, Modal, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatFen, parseYuan } from "../../../../domain/funding/money";
import type { ReportView } from "../../../../schemas/funding/reports";
import { isApiError } from "../../../api/client";
import { type ReviewStep, useReviewReport } from "../../../api/funding/reports";
import { errorMessage } from "../../../components/serverErrors";

interface Values {
  note?: string;
  endGrant?: boolean;
  reason?: string;
  owed?: string;
}

export function ReviewDialog({
  report,
  mode,
  open,
  onClose,
  children,
}: {
  report: ReportView;
  /** What was reported, above the review (the list's dialog shows it). */
  children?: ReactNode;
  /** `review` a submitted report; `end` the grant of a failed mid-term. */
  mode: "review" | "end";
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const review = useReviewReport(report.id);
  const [error, setError] = useState<string | null>(null);
  const ending = Form.useWatch("endGrant", form) || mode === "end";
  const paid = formatFen(report.grant.disbursedFen);

  const run = async (event: "accept" | "return" | "fail" | "end-grant") => {
    setError(null);
    const fields: (keyof Values)[] =
      event === "accept"
        ? []
        : event === "end-grant"
          ? ["reason", "owed"]
          : ["note", ...(ending ? (["reason", "owed"] as const) : [])];
    let values: Values;
    try {
      values = await form.validateFields(fields);
    } catch {
      return;
    }
    if ((event === "return" || event === "fail") && !values.note?.trim()) {
      form.setFields([{ name: "note", errors: [t("fundingReports.noteRequired")] }]);
      return;
    }
    const owedFen = parseYuan(values.owed ?? "0") ?? 0;
    const end = { reason: values.reason ?? "", owedFen };
    const step: ReviewStep =
      event === "end-grant"
        ? { event, body: { version: report.version, ...end } }
        : event === "fail"
          ? {
              event,
              body: { version: report.version, note: values.note ?? "", endGrant: ending ? end : null },
            }
          : { event, body: { version: report.version, note: values.note ?? null } };
    try {
      await review.mutateAsync(step);
      message.success(t("fundingReports.reviewed"));
      form.resetFields();
      onClose();
    } catch (e) {
      if (isApiError(e) && e.field === "owedFen") form.setFields([{ name: "owed", errors: [e.message] }]);
      else if (isApiError(e) && e.field === "note") form.setFields([{ name: "note", errors: [e.message] }]);
      else setError(errorMessage(e));
    }
  };

  const owedRule = {
    validator: (_: unknown, v?: string) =>
      !v || parseYuan(v) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t("fundingReports.owedInvalid"))),
  };
  const canFail = mode === "review" && report.kind !== "periodic";
  return (
    <Modal
      open={open}
      title={mode === "end" ? t("fundingReports.endGrantTitle") : t("fundingReports.reviewTitle")}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {children}
      <Form form={form} layout="vertical" initialValues={{ owed: "0" }}>
        {mode === "review" && (
          <Form.Item name="note" label={t("fundingReports.note")}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {canFail && report.kind === "midterm" && (
          <>
            <Typography.Paragraph type="secondary">{t("fundingReports.failHelp")}</Typography.Paragraph>
            <Form.Item name="endGrant" valuePropName="checked">
              <Checkbox>{t("fundingReports.endGrant")}</Checkbox>
            </Form.Item>
          </>
        )}
        {ending && (
          <>
            <Form.Item
              name="reason"
              label={t("fundingReports.endGrantReason")}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item
              name="owed"
              label={t("fundingReports.owed")}
              extra={t("fundingReports.owedHelp", { paid })}
              rules={[owedRule]}
            >
              <Input inputMode="decimal" maxLength={16} />
            </Form.Item>
          </>
        )}
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {error}
          </Typography.Paragraph>
        )}
        <Flex gap={8} wrap justify="end">
          {mode === "end" ? (
            <Button danger type="primary" loading={review.isPending} onClick={() => void run("end-grant")}>
              {t("fundingReports.endGrantTitle")}
            </Button>
          ) : (
            <>
              {canFail && (
                <Button danger loading={review.isPending} onClick={() => void run("fail")}>
                  {t("fundingReports.fail")}
                </Button>
              )}
              <Button loading={review.isPending} onClick={() => void run("return")}>
                {t("fundingReports.return")}
              </Button>
              <Button type="primary" loading={review.isPending} onClick={() => void run("accept")}>
                {t("fundingReports.accept")}
              </Button>
            </>
          )}
        </Flex>
      </Form>
    </Modal>
  );
}

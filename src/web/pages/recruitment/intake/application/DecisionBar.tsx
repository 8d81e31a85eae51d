import {
  CalendarOutlined,
  CheckOutlined,
  PrinterOutlined,
  RollbackOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Form, Input, Modal } from "antd";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { isApiError } from "../../../../api/client";
import { type DecisionInput, useDecision } from "../../../../api/recruitment/intake";
import { dayjs } from "../../../../components/format";
import { errorMessage } from "../../../../components/serverErrors";
import { gapsOfDetail, requirementList, verdictOf } from "../components/ApplicationSections";
import { IntakeGapItems } from "../components/IntakeGapList";
import { ReasonDialog } from "../components/ReasonDialog";

type Kind = "return" | "accept" | "ineligible" | "extend";

/**
 * The return reason drafted from the verdict: one line per item whose current verdict (not one
 * given before a newer file) is missing or needs correction, with its reason. Empty without any.
 */
function returnReasonDraft(detail: ApplicationDetail, t: TFunction): string {
  const findings = requirementList(detail).flatMap((item) => {
    const { verdict, stale } = verdictOf(detail, item.key);
    if (stale || !verdict || (verdict.status !== "missing" && verdict.status !== "needs_correction"))
      return [];
    return [{ label: item.label, reason: verdict.reason?.trim() || t(`intake.verdict.${verdict.status}`) }];
  });
  if (findings.length === 0) return "";
  const end = t("intake.action.returnPrefillEnd");
  return [
    t("intake.action.returnPrefill"),
    ...findings.map((f, i) =>
      t("intake.action.returnPrefillLine", {
        index: i + 1,
        label: f.label,
        // The reason is one clause of a letter: it ends like a sentence unless it already does.
        reason: /[。．.！!？?；;…]$/.test(f.reason) ? f.reason : `${f.reason}${end}`,
      }),
    ),
  ].join("\n");
}

/** The decisions staff may take now, each behind a confirm; a stale version reloads the page's data. */
export function DecisionBar({
  detail,
  onStale,
  onDecided,
}: {
  detail: ApplicationDetail;
  onStale: () => void;
  /** After an accept, a return or an ineligibility (not an extension): the page offers the next one. */
  onDecided?: (action: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const decision = useDecision(detail.id);
  const [open, setOpen] = useState<Kind | null>(null);
  // What staff wrote in the return dialog and closed without returning: it comes back as it was,
  // instead of the draft from the verdict (kept per application: the page may show another one).
  const [returnDraft, setReturnDraft] = useState<{ id: string; text: string } | null>(null);
  const prefill = returnReasonDraft(detail, t);
  const returnReason = (returnDraft?.id === detail.id && returnDraft.text.trim()) || prefill;
  const events = detail.availableEvents;
  // What an accept would go over: listed in its dialog, ticked to confirm, sent for the server to match.
  const gaps = gapsOfDetail(detail);
  const canExtend = detail.status === "draft" || detail.status === "returned";

  const run = async (input: DecisionInput, label: string) => {
    try {
      await decision.mutateAsync(input);
      if (input.kind === "return") setReturnDraft(null);
      setOpen(null);
      message.success(t("intake.action.done", { action: label }));
      if (input.kind !== "extend") onDecided?.(label);
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setOpen(null);
        onStale();
        message.warning(
          error.code === "version_conflict"
            ? t("intake.action.stale")
            : error.code === "intake_items_unchecked"
              ? t("intake.action.gapsChanged")
              : error.message,
        );
        return;
      }
      message.error(errorMessage(error));
    }
  };

  const label = {
    return: t("intake.action.return"),
    accept: t("intake.action.accept"),
    ineligible: t("intake.action.ineligible"),
    extend: t("intake.action.extend"),
  };
  return (
    // `display: contents` keeps the buttons items of the header's row; the attribute is where
    // focus goes after the last item's verdict is saved (DocumentsCard).
    <div data-decision-bar style={{ display: "contents" }}>
      {events.includes("accept") && (
        <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setOpen("accept")}>
          {label.accept}
        </Button>
      )}
      {events.includes("return") && (
        <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setOpen("return")}>
          {label.return}
        </Button>
      )}
      {events.includes("mark_ineligible") && (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setOpen("ineligible")}>
          {label.ineligible}
        </Button>
      )}
      {canExtend && (
        <Button icon={<CalendarOutlined aria-hidden />} onClick={() => setOpen("extend")}>
          {label.extend}
        </Button>
      )}
      <Button
        icon={<PrinterOutlined aria-hidden />}
        onClick={() => navigate(`/applications/${detail.id}/dossier`)}
      >
        {t("intake.action.dossier")}
      </Button>
      <ReasonDialog
        open={open === "accept" || open === "return" || open === "ineligible"}
        title={open && open !== "extend" ? label[open] : ""}
        question={open === "accept" ? t("intake.action.acceptConfirm") : undefined}
        warning={
          open === "accept" && gaps.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("intake.action.gapsIntro", { count: gaps.length })}
              description={
                <>
                  <IntakeGapItems items={gaps} />
                  <p style={{ margin: "8px 0 0" }}>{t("intake.action.gapsHint")}</p>
                </>
              }
            />
          ) : undefined
        }
        acknowledge={
          open === "accept" && gaps.length > 0
            ? {
                label: t("intake.action.gapsConfirm"),
                requiredMessage: t("intake.action.gapsConfirmRequired"),
              }
            : undefined
        }
        reason={open === "accept" ? "optional" : "required"}
        hint={open === "return" ? t("intake.action.returnReasonHelp") : undefined}
        requiredMessage={
          open === "return"
            ? t("intake.action.returnReasonRequired")
            : t("intake.action.ineligibleReasonRequired")
        }
        danger={open === "ineligible"}
        // Past the deadline the applicant could not resubmit at all without a date of their own.
        resubmitUntil={open === "return" ? (detail.canSubmitNow ? "optional" : "required") : undefined}
        initialReason={open === "return" ? returnReason : undefined}
        confirming={decision.isPending}
        onCancel={(reason) => {
          // The untouched draft is not kept: opened again, it follows the verdicts as they are then.
          if (open === "return") setReturnDraft({ id: detail.id, text: reason === prefill ? "" : reason });
          setOpen(null);
        }}
        onConfirm={(reason, resubmitUntil) => {
          if (open === "accept")
            void run(
              {
                kind: "accept",
                version: detail.version,
                note: reason || null,
                confirmUnchecked: gaps.map(({ key, state }) => ({ key, state })),
              },
              label.accept,
            );
          else if (open === "return")
            void run({ kind: "return", version: detail.version, reason, resubmitUntil }, label.return);
          else if (open === "ineligible")
            void run({ kind: "ineligible", version: detail.version, reason }, label.ineligible);
        }}
      />
      <ExtendDialog
        open={open === "extend"}
        current={detail.extendedUntil ?? detail.deadline}
        confirming={decision.isPending}
        onCancel={() => setOpen(null)}
        onConfirm={(until, reason) =>
          void run({ kind: "extend", version: detail.version, until, reason: reason || null }, label.extend)
        }
      />
    </div>
  );
}

function ExtendDialog(props: {
  open: boolean;
  current: string;
  confirming: boolean;
  onCancel: () => void;
  onConfirm: (until: string, reason: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ until: ReturnType<typeof dayjs>; reason?: string }>();
  const from = dayjs(props.current).isAfter(dayjs()) ? dayjs(props.current) : dayjs();
  const initial = from.add(3, "day").hour(17).minute(0).second(0);
  return (
    <Modal
      open={props.open}
      title={t("intake.action.extend")}
      okText={t("intake.action.confirm")}
      cancelText={t("intake.action.cancel")}
      okButtonProps={{ loading: props.confirming }}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ until: initial }}
        onFinish={(v) => props.onConfirm(v.until.toISOString(), v.reason?.trim() ?? "")}
      >
        <Form.Item
          name="until"
          label={t("intake.action.until")}
          extra={t("intake.action.untilHelp")}
          rules={[
            { required: true, message: t("intake.action.untilMissing") },
            {
              // An empty field is the rule above's: one message, not two.
              validator: (_, value) =>
                !value || dayjs(value).isAfter(dayjs())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("intake.action.untilFuture"))),
            },
          ]}
        >
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="reason" label={t("intake.action.note")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

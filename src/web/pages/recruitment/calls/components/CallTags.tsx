import { useTranslation } from "react-i18next";
import type { CallStatus, CallWindow } from "../../../../../domain/call";
import { type Tone, ToneTag } from "../../../../components/labels";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { useRemainingText } from "../../portal/components/Countdown";

const STATUS_TONE: Record<CallStatus, Tone> = { draft: "default", published: "green", closed: "red" };
const WINDOW_TONE: Record<CallWindow, Tone> = { not_open: "blue", open: "green", closed: "default" };
const CLOSING_SOON_MS = 7 * 24 * 3600 * 1000;

export function CallStatusTag({ status }: { status: CallStatus }) {
  const labels = useRecruitmentLabels();
  return <ToneTag tone={STATUS_TONE[status]}>{labels.callStatus[status]}</ToneTag>;
}

/**
 * Where a published call's window stands, with "closing soon" for the last week. Nothing for a
 * draft, and nothing for a closed call: its status tag (已结束) already says it takes no more.
 */
export function WindowTag({
  call,
  now,
}: {
  call: { status: CallStatus; window: CallWindow; opensAt: string; closesAt: string };
  now: number;
}) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const remaining = useRemainingText();
  if (call.status !== "published") return null;
  const left = Date.parse(call.closesAt) - now;
  if (call.window === "open" && left < CLOSING_SOON_MS) {
    return (
      <ToneTag tone="orange">
        {t("calls.closingSoon")} · {t("calls.remaining", { text: remaining(left) })}
      </ToneTag>
    );
  }
  return <ToneTag tone={WINDOW_TONE[call.window]}>{labels.callWindow[call.window]}</ToneTag>;
}

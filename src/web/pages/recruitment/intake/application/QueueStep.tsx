/**
 * Stepping through the queue: "下一份" in the header, and after a decision a banner offering the
 * next application (or saying the queue is done, with the way back to it).
 */
import { RightOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { useQueueNext } from "./useQueueNext";

type Step = ReturnType<typeof useQueueNext>;

export function NextButton({ step }: { step: Step }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  if (!step.fromQueue) return null;
  const go = () => {
    if (step.next) navigate(step.next.link);
    else {
      message.info(t("intake.step.endReached"));
      navigate(step.queueUrl);
    }
  };
  return (
    <Button
      loading={step.next === undefined}
      onClick={go}
      aria-label={step.next ? t("intake.step.nextLabel", { name: step.next.name }) : undefined}
    >
      {t("intake.step.next")} <RightOutlined aria-hidden />
    </Button>
  );
}

/** Shown once staff decided on this application; takes the focus so the offer is heard at once. */
export function DecidedBanner({ step, action }: { step: Step; action: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const last = step.next === null;
  return (
    <div ref={ref} tabIndex={-1} style={{ outline: "none", marginBottom: 16 }}>
      <Alert
        type="success"
        showIcon
        role="status"
        title={t("intake.action.done", { action })}
        description={
          <Flex wrap gap={8} align="center" justify="space-between">
            <span>
              {step.next
                ? t("intake.step.offerNext", { name: step.next.name })
                : last
                  ? t("intake.step.lastInQueue")
                  : null}
            </span>
            <Flex wrap gap={8}>
              <Button icon={<UnorderedListOutlined aria-hidden />} onClick={() => navigate(step.queueUrl)}>
                {t("intake.step.backToQueue")}
              </Button>
              {step.next && (
                <Button type="primary" onClick={() => step.next && navigate(step.next.link)}>
                  {t("intake.step.next")} <RightOutlined aria-hidden />
                </Button>
              )}
            </Flex>
          </Flex>
        }
      />
    </div>
  );
}

/**
 * Time left until a deadline, counted on the server's clock: the offset between the server's
 * `serverNow` and this device's clock at fetch time is applied, so a wrong phone clock does not lie.
 */
import { ClockCircleOutlined } from "@ant-design/icons";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ToneTag } from "../../../../components/labels";

interface Props {
  deadline: string;
  opensAt?: string;
  serverNow: string;
  /** When the data was received (Date.now() then), to turn serverNow into an offset. */
  receivedAt: number;
}

export function useServerNow(serverNow: string, receivedAt: number): number {
  const offset = new Date(serverNow).getTime() - receivedAt;
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    const timer = window.setInterval(() => setNow(Date.now() + offset), 30_000);
    return () => window.clearInterval(timer);
  }, [offset]);
  return now;
}

export function Countdown({ deadline, opensAt, serverNow, receivedAt }: Props) {
  const { t } = useTranslation();
  const now = useServerNow(serverNow, receivedAt);
  const opens = opensAt ? new Date(opensAt).getTime() : 0;
  const end = new Date(deadline).getTime();
  if (now >= end) return <ToneTag tone="default">{t("applications.countdown.ended")}</ToneTag>;
  const before = now < opens;
  const left = (before ? opens : end) - now;
  const minutes = Math.floor(left / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const time =
    d > 0
      ? t("applications.countdown.dh", { d, h })
      : h > 0
        ? t("applications.countdown.hm", { h, m })
        : t("applications.countdown.m", { m: Math.max(m, 1) });
  const urgent = !before && left < 3 * 86400_000;
  return (
    <ToneTag tone={before ? "default" : urgent ? "orange" : "blue"}>
      <ClockCircleOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
      {before ? t("applications.countdown.opensIn", { time }) : t("applications.countdown.left", { time })}
    </ToneTag>
  );
}

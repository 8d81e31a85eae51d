import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** Now by the server's clock (device time + the offset measured when the data came), ticking. */
export function useServerNow(clockOffset: number, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() + clockOffset);
  useEffect(() => {
    setNow(Date.now() + clockOffset);
    const timer = window.setInterval(() => setNow(Date.now() + clockOffset), everyMs);
    return () => window.clearInterval(timer);
  }, [clockOffset, everyMs]);
  return now;
}

/** "3 天 4 小时 5 分" (or hours, minutes and seconds on the last day) until `target`. */
export function useRemainingText() {
  const { t } = useTranslation();
  return (ms: number): string => {
    if (ms <= 0) return t("portal.ended");
    const s = Math.floor(ms / 1000);
    const d = Math.floor(s / 86400);
    const h = Math.floor((s % 86400) / 3600);
    const m = Math.floor((s % 3600) / 60);
    if (d > 0) return t("portal.dhm", { d, h, m });
    return t("portal.hms", { h, m, s: s % 60 });
  };
}

/** A live countdown to `target` (ISO), from the server's clock. */
export function Countdown({ target, clockOffset }: { target: string; clockOffset: number }) {
  const now = useServerNow(clockOffset);
  const text = useRemainingText();
  return <span style={{ fontVariantNumeric: "tabular-nums" }}>{text(Date.parse(target) - now)}</span>;
}

import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are stored in UTC and shown in the base's zone. */
const DISPLAY_ZONE = "Asia/Shanghai";

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  return dayjs(value).tz(DISPLAY_ZONE).format("YYYY-MM-DD HH:mm");
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  // Plain dates (YYYY-MM-DD) carry no zone: show them as written.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dayjs(value).tz(DISPLAY_ZONE).format("YYYY-MM-DD");
}

export { dayjs };

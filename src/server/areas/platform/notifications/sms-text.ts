/**
 * The text message of a notice, or null when the notice is not worth one. Texts are for what an
 * applicant must act on or wait for: returned for completion, accepted for screening, ineligible,
 * a deadline three days or one day away, a new message from the base. One language (the
 * recipient's; Chinese unless they chose English), kept short: an SMS segment holds about 70
 * Chinese characters, so a call's title is cut and the message preview left out (it may be long
 * and private; the link opens it).
 */

import type { Lang } from "../../../../schemas/messages";
import type { NotificationKind, NotificationParams } from "../../../../schemas/platform/notifications";

const TEXTED_STATUSES = ["returned", "accepted", "ineligible"] as const;
type TextedStatus = (typeof TEXTED_STATUSES)[number];

/** The signature the phone codes carry too; gateways require one. */
export const SMS_SIGNATURE: Record<Lang, string> = {
  "zh-CN": "【社会组织孵化基地】",
  en: "[Incubation Base] ",
};
const TITLE_MAX = 12;

function title(params: NotificationParams, lang: Lang): string {
  const raw = typeof params.callTitle === "string" ? params.callTitle.trim() : "";
  if (!raw) return lang === "en" ? "your application" : "您的申请";
  const cut = [...raw].length > TITLE_MAX ? `${[...raw].slice(0, TITLE_MAX - 1).join("")}…` : raw;
  return lang === "en" ? `your application to "${cut}"` : `您的“${cut}”申请`;
}

/** "12月15日17:00" / "Dec 15 17:00", in Asia/Shanghai (UTC+8, no daylight saving). */
function deadline(iso: NotificationParams[string] | undefined, lang: Lang): string {
  const date = new Date(String(iso ?? ""));
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() + 8 * 3_600_000);
  const hh = String(local.getUTCHours()).padStart(2, "0");
  const mm = String(local.getUTCMinutes()).padStart(2, "0");
  if (lang === "en") {
    const month = local.toLocaleString("en", { month: "short", timeZone: "UTC" });
    return `${month} ${local.getUTCDate()} ${hh}:${mm}`;
  }
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日${hh}:${mm}`;
}

const ZH: Record<TextedStatus, (what: string) => string> = {
  returned: (what) => `${what}已退回补充，请查看原因，修改后重新提交：`,
  accepted: (what) => `${what}已受理，进入初筛。详情：`,
  ineligible: (what) => `很遗憾，${what}经审核不符合条件。详情：`,
};
const EN: Record<TextedStatus, (what: string) => string> = {
  returned: (what) => `${what} was returned for completion. See why, fix and resubmit: `,
  accepted: (what) => `${what} was accepted for screening. Details: `,
  ineligible: (what) => `${what} was found ineligible. Details: `,
};

export function renderNoticeSms(
  lang: Lang,
  kind: NotificationKind,
  params: NotificationParams,
  link: string | null,
): string | null {
  const what = title(params, lang);
  const capital = lang === "en" ? what.charAt(0).toUpperCase() + what.slice(1) : what;
  const done = (text: string) => `${SMS_SIGNATURE[lang]}${text}${link ?? ""}`;
  switch (kind) {
    case "application_status": {
      const status = TEXTED_STATUSES.find((s) => s === params.status);
      if (params.event === "extend" || !status) return null;
      return done((lang === "en" ? EN : ZH)[status](capital));
    }
    case "application_deadline": {
      const when = deadline(params.deadline, lang);
      const left = params.lead === "1d" ? 1 : 3;
      return done(
        lang === "en"
          ? `${capital} is due by ${when} (Beijing), ${left === 1 ? "under a day" : "under 3 days"} left, and not submitted yet: `
          : `${what}将于${when}截止（剩不到${left}天），尚未提交，请尽快提交：`,
      );
    }
    case "admission_decision": {
      // The outcome and where to read the letter; the reason may be long, the link opens it.
      const zh: Record<string, string> = {
        admitted: `${what}已确定入壳，请于${deadline(params.confirmBy, lang).split(/\d+:\d+/)[0]}前登录确认：`,
        waitlisted: `${what}已列入候补名单，详情：`,
        rejected: `${what}本次未入选，详情：`,
      };
      const en: Record<string, string> = {
        admitted: `${capital} is admitted. Confirm the place by ${deadline(params.confirmBy, lang).split(" ").slice(0, 2).join(" ")}: `,
        waitlisted: `${capital} is on the waitlist. Details: `,
        rejected: `${capital} was not selected this time. Details: `,
      };
      const body = (lang === "en" ? en : zh)[String(params.decision)];
      return body ? done(body) : null;
    }
    // The incubation plan: the bell and email are enough; the member reads it in the app.
    case "plan_proposed":
    case "plan_action_overdue":
    // A service request: the bell and email; the thread is read in the app.
    case "service_request":
    // Posts: the bell, the email and the feed carry them; a text for each would be noise.
    case "post_published":
    // The mentor programme: the bell and email are enough.
    case "mentorship":
    case "mentoring_session":
    // Progress reports: the bell and email; the form is filled in the app.
    case "funding_report":
    case "funding_milestone":
      return null;
    case "application_message":
      return done(
        lang === "en"
          ? `New message from the base on ${what}: `
          : `基地工作人员就${what}发来新消息，请查看：`,
      );
    // An expert's scoring: the assignment when a round opens, a deadline near, a review reopened.
    case "review_assigned":
      return done(
        lang === "en"
          ? `${params.count} applications wait for your scores by ${deadline(params.deadline, lang)} (Beijing): `
          : `有${params.count}份申请待您评分，截止${deadline(params.deadline, lang)}：`,
      );
    case "review_deadline":
      return done(
        lang === "en"
          ? `${params.count} of your reviews are not submitted; scoring closes ${deadline(params.deadline, lang)} (Beijing): `
          : `您还有${params.count}份评分未提交，将于${deadline(params.deadline, lang)}截止：`,
      );
    case "review_reopened":
      return done(
        lang === "en"
          ? "A review of yours was reopened by the base: "
          : "基地已重新开放您的一份评分，请查看：",
      );
    // The incubation's changes are read in the app (the bell and the email).
    case "incubation_status":
      return null;
    // A training tomorrow, and a seat freed for someone on the waitlist: both worth a text.
    case "training_reminder":
      return done(
        lang === "en"
          ? `Reminder: the training "${cut(params.topic)}" starts ${deadline(params.startsAt, lang)} (Beijing). Details: `
          : `提醒：培训“${cut(params.topic)}”将于${deadline(params.startsAt, lang)}开始，详情：`,
      );
    case "training_seat":
      return done(
        lang === "en"
          ? `A seat freed up: you are now enrolled in "${cut(params.topic)}" (${deadline(params.startsAt, lang)}). Details: `
          : `候补成功：您已获得培训“${cut(params.topic)}”（${deadline(params.startsAt, lang)}）的名额，详情：`,
      );
  }
}

function cut(value: NotificationParams[string] | undefined): string {
  const raw = typeof value === "string" ? value.trim() : "";
  return [...raw].length > TITLE_MAX ? `${[...raw].slice(0, TITLE_MAX - 1).join("")}…` : raw;
}

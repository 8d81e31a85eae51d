/**
 * In-app notifications. The server stores a kind and params; the web app and the emails render
 * them in the reader's language from NOTIFICATION_TEXTS, so one notice reads the same everywhere.
 */
import { z } from "zod";
import type { ApplicationStatus } from "../../domain/application";
import type { InspectionMode } from "../../domain/inspection";
import { shanghaiDateTime } from "../../domain/shanghai-time";
import { INSPECTION_LABELS } from "../admission/inspection-labels";
import { ZPage, ZPageQuery } from "../common";
import { INCUBATION_LABELS } from "../incubation/incubation-labels";
import type { Lang } from "../messages";
import { RECRUITMENT_LABELS } from "../recruitment/labels";

export const NOTIFICATION_KINDS = [
  "application_status",
  "application_message",
  "application_deadline",
  "review_assigned",
  "review_reopened",
  "review_deadline",
  "admission_decision",
  "incubation_status",
  "plan_proposed",
  "plan_action_overdue",
  "training_reminder",
  "training_seat",
  "service_request",
  "post_published",
  "mentorship",
  "mentoring_session",
  "funding_report",
  "funding_milestone",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationParams = Record<string, string | number | null>;

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof ZNotification>;

export const ZNotificationQuery = ZPageQuery.extend({
  /** "true": only unread ones. Either way unread ones come first, then newest first. */
  unread: z.enum(["true", "false"]).optional(),
});
export type NotificationQuery = z.input<typeof ZNotificationQuery>;

export const ZNotificationPage = ZPage(ZNotification).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof ZNotificationPage>;

export const ZUnreadCount = z.object({ unread: z.number().int() });
export const ZReadAllResult = z.object({ updated: z.number().int() });

interface Rendered {
  title: string;
  body: string;
}
type Renderer = (p: NotificationParams) => Rendered;

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

/** A time param (ISO) as the base's wall clock shows it (Asia/Shanghai), e.g. 2026-12-01 18:00. */
function timeParam(iso: string | number | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : shanghaiDateTime(date);
}

function statusLabel(lang: Lang, status: string | number | null | undefined): string {
  const labels = RECRUITMENT_LABELS[lang].applicationStatus;
  return labels[status as ApplicationStatus] ?? text(status);
}

/** The confirmation date (the end of that day in Asia/Shanghai) as the day it is. */
function dayParam(iso: string | number | null | undefined): string {
  return timeParam(iso).slice(0, 10);
}

/** The decision letter (入壳结果通知书): outcome, reason, the released summary; never experts' comments. */
const letterZh: Renderer = (p) => {
  const call = p.callTitle ? `“${p.callTitle}”` : "";
  const org = p.organizationName ? `${p.organizationName}：` : "";
  const summary = p.releasedSummary ? `评审意见摘要：${p.releasedSummary}` : "";
  const reason = p.reason ? `理由：${p.reason}。` : "";
  if (p.decision === "admitted") {
    const lead = p.offered ? "因有入选机构放弃入壳，经基地研究，" : "经专家评审和公示，";
    return {
      title: "入壳结果通知书：拟入壳",
      body: `${org}${lead}贵机构${call}申请已确定入壳。${reason}请于 ${dayParam(p.confirmBy)}（北京时间）前登录平台确认或放弃入壳，逾期视为放弃。${summary}`,
    };
  }
  if (p.decision === "waitlisted") {
    return {
      title: "入壳结果通知书：候补",
      body: `${org}经专家评审和公示，贵机构${call}申请列入候补名单；如有名额空出，基地将按评审排名依次通知。${reason}${summary}`,
    };
  }
  return {
    title: "入壳结果通知书：未入选",
    body: `${org}经专家评审和公示，贵机构${call}申请本次未入选。${reason}感谢参与，欢迎关注后续招募。${summary}`,
  };
};

const letterEn: Renderer = (p) => {
  const call = p.callTitle ? ` to “${p.callTitle}”` : "";
  const org = p.organizationName ? `${p.organizationName}: ` : "";
  const summary = p.releasedSummary ? ` Summary of the panel's view: ${p.releasedSummary}` : "";
  const reason = p.reason ? ` Reason: ${p.reason}.` : "";
  if (p.decision === "admitted") {
    return {
      title: "Admission letter: admitted",
      body: `${org}${p.offered ? "A place became free and is offered to you: your" : "After the expert review and the public notice, your"} application${call} is admitted.${reason} Confirm or decline the place on the platform by ${dayParam(p.confirmBy)} (Beijing time); after that it lapses.${summary}`,
    };
  }
  if (p.decision === "waitlisted") {
    return {
      title: "Admission letter: waitlisted",
      body: `${org}After the expert review and the public notice, your application${call} is on the waitlist; if a place becomes free, the base offers it in the order of the ranking.${reason}${summary}`,
    };
  }
  return {
    title: "Admission letter: not selected",
    body: `${org}After the expert review and the public notice, your application${call} was not selected this time.${reason} Thank you for applying.${summary}`,
  };
};

const SERVICE_EVENT_ZH: Record<string, string> = {
  submit: "收到新的服务申请",
  accept: "服务申请已受理",
  decline: "服务申请未予受理",
  schedule: "服务已预约",
  close: "服务已完成，请评价",
  cancel: "服务申请已撤回",
  assign: "有分配给您的服务申请",
  message: "服务申请有新消息",
};
const SERVICE_EVENT_EN: Record<string, string> = {
  submit: "A new service request",
  accept: "Your service request is accepted",
  decline: "Your service request is declined",
  schedule: "A service is scheduled",
  close: "A service is done: rate it",
  cancel: "A service request was cancelled",
  assign: "A service request assigned to you",
  message: "A new message on a service request",
};

const POST_KIND_ZH: Record<string, string> = {
  notice: "通知公告",
  policy: "政策资讯",
  funding: "资金机会",
  purchase: "政府购买服务公告",
};
const POST_KIND_EN: Record<string, string> = {
  notice: "Notice",
  policy: "Policy",
  funding: "Funding opportunity",
  purchase: "Purchase-of-services announcement",
};

const REPORT_KIND_ZH: Record<string, string> = {
  periodic: "进展报告",
  midterm: "中期评估报告",
  final: "结项报告",
};
const REPORT_KIND_EN: Record<string, string> = {
  periodic: "progress report",
  midterm: "mid-term evaluation report",
  final: "final report",
};
const REPORT_EVENT_ZH: Record<string, string> = {
  due_soon: "进展报告即将到期",
  overdue: "进展报告已逾期",
  submitted: "有进展报告待审核",
  accepted: "进展报告已通过",
  returned: "进展报告被退回修改",
  failed: "报告未通过",
  late: "报告逾期未交，判为未通过",
};
const REPORT_EVENT_EN: Record<string, string> = {
  due_soon: "A progress report falls due soon",
  overdue: "A progress report is overdue",
  submitted: "A progress report to review",
  accepted: "A progress report was accepted",
  returned: "A progress report was returned for changes",
  failed: "A report did not pass",
  late: "A report not handed in counts as failed",
};

const zhCN: Record<NotificationKind, Renderer> = {
  funding_milestone: (p) => ({
    title: "资助里程碑已逾期",
    body: `${p.organizationName ? `${text(p.organizationName)}：` : ""}资助 ${text(p.grantNumber)} 的里程碑“${text(p.title)}”应于 ${text(p.dueOn)} 前达成，尚未标记达成。`,
  }),
  funding_report: (p) => ({
    title: REPORT_EVENT_ZH[text(p.event)] ?? "进展报告有更新",
    body: `${p.organizationName ? `${text(p.organizationName)}：` : ""}资助 ${text(p.grantNumber)} 的${REPORT_KIND_ZH[text(p.reportKind)] ?? "报告"}（报告期截至 ${text(p.periodEnd)}，应于 ${text(p.dueOn)} 前提交）${p.note ? `。${text(p.note)}` : ""}`,
  }),
  post_published: (p) => ({
    title: `新资讯：${POST_KIND_ZH[text(p.postKind)] ?? "资讯"}`,
    body: `基地发布了“${text(p.postTitle)}”${p.deadlineOn ? `，截止日期 ${text(p.deadlineOn)}` : ""}，请查看。`,
  }),
  training_reminder: (p) => ({
    title: "培训提醒：明天开课",
    body: `您报名的培训“${text(p.topic)}”将于 ${timeParam(p.startsAt)}（北京时间）开始${p.place ? `，地点：${p.place}` : ""}。请按时参加，到场后扫描屏幕上的二维码签到。`,
  }),
  training_seat: (p) => ({
    title: "候补成功：已获得培训名额",
    body: `有人取消了报名，您已从候补名单转为正式报名：培训“${text(p.topic)}”，${timeParam(p.startsAt)}（北京时间）开始。如不能参加，请在“我的培训”中取消，以便让给下一位。`,
  }),
  service_request: (p) => ({
    title: SERVICE_EVENT_ZH[text(p.event)] ?? "服务申请有更新",
    body: `${p.organizationName ? `${text(p.organizationName)}：` : ""}“${text(p.title)}”${p.note ? `（${text(p.note)}）` : ""}`,
  }),
  mentorship: (p) =>
    p.event === "ended"
      ? {
          title: "导师结对已结束",
          body: `${text(p.mentorName)}与${text(p.organizationName)}的导师结对已于 ${text(p.endedOn)} 结束。${p.reason ? `原因：${p.reason}` : ""}`,
        }
      : {
          title: "新的导师结对",
          body: `${text(p.mentorName)}将担任${text(p.organizationName)}的导师，结对期限 ${text(p.startsOn)} 至 ${text(p.endsOn)}。`,
        },
  mentoring_session: (p) =>
    p.event === "disputed"
      ? {
          title: "辅导记录被提出异议",
          body: `${text(p.organizationName)}表示 ${text(p.heldOn)} 的导师辅导（${text(p.mentorName)}）未进行，已从服务台账撤回，请核实。${p.reason ? `说明：${p.reason}` : ""}`,
        }
      : {
          title: "请确认导师辅导",
          body: `导师${text(p.mentorName)}记录了 ${text(p.heldOn)} 的辅导（${text(p.minutes)} 分钟），请确认并评价。`,
        },
  plan_proposed: (p) => ({
    title: "孵化计划待确认",
    body: `基地已提交${p.organizationName ? `${p.organizationName}的` : ""}孵化计划（第 ${text(p.revision)} 版），请查看目标与行动并确认。`,
  }),
  plan_action_overdue: (p) => ({
    title: "计划行动已逾期",
    body: `孵化计划中的行动“${text(p.actionTitle)}”应于 ${text(p.dueOn)} 完成，目前尚未完成。完成后请在孵化计划中标记。`,
  }),
  review_assigned: (p) => ({
    title: "有待评审的申请",
    body: `评审轮次“${text(p.roundTitle)}”已开始：共 ${text(p.count)} 份申请待您评分，截止时间 ${timeParam(p.deadline)}（北京时间）。`,
  }),
  review_reopened: (p) => ({
    title: "评分已重新开放",
    body: `基地工作人员重新开放了您在“${text(p.roundTitle)}”中对${text(p.organizationName)}的评分，您可以修改后重新提交。${p.reason ? `原因：${p.reason}` : ""}`,
  }),
  review_deadline: (p) => ({
    title: `评分即将截止（剩${p.lead === "1d" ? "不到 1 天" : "不到 3 天"}）`,
    body: `您在“${text(p.roundTitle)}”中还有 ${text(p.count)} 份评分未提交，评分将于 ${timeParam(p.deadline)}（北京时间）截止。`,
  }),
  admission_decision: letterZh,
  incubation_status: (p) => {
    const status = INCUBATION_LABELS["zh-CN"].status[p.status as "active"] ?? text(p.status);
    const reason = p.reason ? `原因：${p.reason}` : "";
    if (p.event === "enrol") {
      return {
        title: "孵化已开始",
        body: `${p.organizationName ? `${p.organizationName}：` : ""}贵机构已进入“${text(p.cohortName)}”孵化，孵化期 ${text(p.startOn)} 至 ${text(p.plannedEndOn)}。`,
      };
    }
    const end = p.event === "extend" ? `计划结束日延至 ${text(p.plannedEndOn)}。` : "";
    return { title: `孵化状态：${status}`, body: `贵机构的孵化状态已变为“${status}”。${end}${reason}` };
  },
  application_status: (p) => {
    const call = p.callTitle ? `“${p.callTitle}”` : "";
    const org = p.organizationName ? `${p.organizationName}的` : "";
    const reason = p.reason ? `原因：${p.reason}` : "";
    if (p.event === "extend") {
      return {
        title: "申请截止时间已延长",
        body: `${org}${call}申请的提交截止时间已延长至 ${timeParam(p.extendedUntil)}（北京时间）。${reason}`,
      };
    }
    const status = statusLabel("zh-CN", p.status);
    if (p.scheduledAt) {
      // An inspection planned (or re-planned): when, how and where, for the organization to prepare.
      const mode = INSPECTION_LABELS["zh-CN"].mode[p.mode as InspectionMode] ?? text(p.mode);
      const place = p.place ? `，${p.mode === "online" ? "线上链接" : "地点"}：${p.place}` : "";
      return {
        title: `考察安排：${timeParam(p.scheduledAt)}`,
        body: `${org}${call}申请已安排${mode}，时间 ${timeParam(p.scheduledAt)}（北京时间）${place}。${reason}`,
      };
    }
    return {
      title: `申请状态：${status}`,
      body: `${org}${call}申请状态已变为“${status}”。${reason}`,
    };
  },
  application_deadline: (p) => {
    const call = p.callTitle ? `“${p.callTitle}”` : "";
    const left = p.lead === "1d" ? "不到 1 天" : "不到 3 天";
    const what = p.status === "returned" ? `${call}申请退回补充的材料尚未重新提交` : `${call}申请尚未提交`;
    return {
      title: `申请即将截止（剩${left}）`,
      body: `${what}，将于 ${timeParam(p.deadline)}（北京时间）截止。请尽快完成并提交，逾期将无法提交。`,
    };
  },
  application_message: (p) => ({
    title: "申请有新消息",
    body: `${p.callTitle ? `关于“${p.callTitle}”申请的` : ""}新消息：${text(p.preview)}`,
  }),
};

const en: Record<NotificationKind, Renderer> = {
  funding_milestone: (p) => ({
    title: "A grant milestone is overdue",
    body: `${p.organizationName ? `${text(p.organizationName)}: ` : ""}the milestone “${text(p.title)}” of grant ${text(p.grantNumber)} was due by ${text(p.dueOn)} and is not marked met.`,
  }),
  funding_report: (p) => ({
    title: REPORT_EVENT_EN[text(p.event)] ?? "A progress report changed",
    body: `${p.organizationName ? `${text(p.organizationName)}: ` : ""}the ${REPORT_KIND_EN[text(p.reportKind)] ?? "report"} of grant ${text(p.grantNumber)} (period to ${text(p.periodEnd)}, due ${text(p.dueOn)})${p.note ? `. ${text(p.note)}` : ""}`,
  }),
  post_published: (p) => ({
    title: `New post: ${POST_KIND_EN[text(p.postKind)] ?? "Post"}`,
    body: `The base published “${text(p.postTitle)}”${p.deadlineOn ? `, closing on ${text(p.deadlineOn)}` : ""}; have a look.`,
  }),
  training_reminder: (p) => ({
    title: "Training reminder: tomorrow",
    body: `The training “${text(p.topic)}” you enrolled in starts at ${timeParam(p.startsAt)} (Beijing time)${p.place ? `, at ${p.place}` : ""}. Check in by scanning the QR code on the screen there.`,
  }),
  training_seat: (p) => ({
    title: "A seat is yours",
    body: `Someone cancelled, so you moved from the waitlist to enrolled: “${text(p.topic)}”, starting ${timeParam(p.startsAt)} (Beijing time). If you cannot come, cancel under “My trainings” so the next person gets the seat.`,
  }),
  service_request: (p) => ({
    title: SERVICE_EVENT_EN[text(p.event)] ?? "A service request changed",
    body: `${p.organizationName ? `${text(p.organizationName)}: ` : ""}“${text(p.title)}”${p.note ? ` (${text(p.note)})` : ""}`,
  }),
  mentorship: (p) =>
    p.event === "ended"
      ? {
          title: "A mentorship ended",
          body: `The mentorship of ${text(p.mentorName)} with ${text(p.organizationName)} ended on ${text(p.endedOn)}.${p.reason ? ` Reason: ${p.reason}` : ""}`,
        }
      : {
          title: "A new mentorship",
          body: `${text(p.mentorName)} mentors ${text(p.organizationName)} from ${text(p.startsOn)} to ${text(p.endsOn)}.`,
        },
  mentoring_session: (p) =>
    p.event === "disputed"
      ? {
          title: "A mentoring session was disputed",
          body: `${text(p.organizationName)} says the session of ${text(p.heldOn)} with ${text(p.mentorName)} did not take place; it was withdrawn from the service ledger. Please look into it.${p.reason ? ` Note: ${p.reason}` : ""}`,
        }
      : {
          title: "A mentoring session to confirm",
          body: `Your mentor ${text(p.mentorName)} logged a session on ${text(p.heldOn)} (${text(p.minutes)} minutes); confirm it took place and rate it.`,
        },
  plan_proposed: (p) => ({
    title: "An incubation plan to agree",
    body: `The base proposed ${p.organizationName ? `${p.organizationName}'s` : "your"} incubation plan (revision ${text(p.revision)}); review its goals and actions and agree.`,
  }),
  plan_action_overdue: (p) => ({
    title: "A plan action is overdue",
    body: `The action “${text(p.actionTitle)}” of the incubation plan was due on ${text(p.dueOn)} and is not done yet. Mark it in the plan once done.`,
  }),
  review_assigned: (p) => ({
    title: "Applications to score",
    body: `The review round “${text(p.roundTitle)}” is open: ${text(p.count)} applications wait for your scores by ${timeParam(p.deadline)} (Beijing time).`,
  }),
  review_reopened: (p) => ({
    title: "A review was reopened",
    body: `The base staff reopened your review of ${text(p.organizationName)} in “${text(p.roundTitle)}”; you may change it and submit it again.${p.reason ? ` Reason: ${p.reason}` : ""}`,
  }),
  review_deadline: (p) => ({
    title: `Scoring closes in ${p.lead === "1d" ? "less than a day" : "less than three days"}`,
    body: `${text(p.count)} of your reviews in “${text(p.roundTitle)}” are not submitted yet; scoring closes at ${timeParam(p.deadline)} (Beijing time).`,
  }),
  admission_decision: letterEn,
  incubation_status: (p) => {
    const status = INCUBATION_LABELS.en.status[p.status as "active"] ?? text(p.status);
    const reason = p.reason ? ` Reason: ${p.reason}` : "";
    if (p.event === "enrol") {
      return {
        title: "Incubation started",
        body: `${p.organizationName ? `${p.organizationName}: ` : ""}your organization joined the cohort “${text(p.cohortName)}”, from ${text(p.startOn)} to ${text(p.plannedEndOn)}.`,
      };
    }
    const end = p.event === "extend" ? ` The planned end is now ${text(p.plannedEndOn)}.` : "";
    return { title: `Incubation: ${status}`, body: `Your incubation is now “${status}”.${end}${reason}` };
  },
  application_status: (p) => {
    const subject = [
      p.organizationName ? `${p.organizationName}'s application` : "The application",
      p.callTitle ? ` to “${p.callTitle}”` : "",
    ].join("");
    const reason = p.reason ? ` Reason: ${p.reason}` : "";
    if (p.event === "extend") {
      return {
        title: "Application deadline extended",
        body: `${subject} may now be submitted until ${timeParam(p.extendedUntil)} (Beijing time).${reason}`,
      };
    }
    const status = statusLabel("en", p.status);
    if (p.scheduledAt) {
      const mode = INSPECTION_LABELS.en.mode[p.mode as InspectionMode] ?? text(p.mode);
      const place = p.place ? `, ${p.mode === "online" ? "link" : "at"}: ${p.place}` : "";
      return {
        title: `Inspection planned: ${timeParam(p.scheduledAt)}`,
        body: `An inspection (${mode.toLowerCase()}) of ${subject.charAt(0).toLowerCase()}${subject.slice(1)} is planned for ${timeParam(p.scheduledAt)} (Beijing time)${place}.${reason}`,
      };
    }
    return { title: `Application: ${status}`, body: `${subject} is now “${status}”.${reason}` };
  },
  application_deadline: (p) => {
    const left = p.lead === "1d" ? "less than a day" : "less than three days";
    const call = p.callTitle ? ` to “${p.callTitle}”` : "";
    const what =
      p.status === "returned"
        ? `The application${call} was returned for completion and is not resubmitted yet`
        : `The application${call} is not submitted yet`;
    return {
      title: `Application deadline in ${left}`,
      body: `${what}. It must be submitted by ${timeParam(p.deadline)} (Beijing time); after that it cannot be.`,
    };
  },
  application_message: (p) => ({
    title: "New message on an application",
    body: `${p.callTitle ? `On the application to “${p.callTitle}”: ` : "New message: "}${text(p.preview)}`,
  }),
};

/** Title and body of each kind of notice, per language, from the notice's params. */
export const NOTIFICATION_TEXTS: Record<Lang, Record<NotificationKind, Renderer>> = { "zh-CN": zhCN, en };

/** A notice in one language; an unknown kind (from a newer server) still reads as something. */
export function renderNotification(lang: Lang, kind: string, params: NotificationParams): Rendered {
  const render = NOTIFICATION_TEXTS[lang][kind as NotificationKind];
  if (render) return render(params);
  return { title: lang === "en" ? "Notification" : "通知", body: "" };
}

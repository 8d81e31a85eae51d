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
import type { Lang } from "../messages";
import { RECRUITMENT_LABELS } from "../recruitment/labels";

export const NOTIFICATION_KINDS = [
  "application_status",
  "application_message",
  "application_deadline",
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

const zhCN: Record<NotificationKind, Renderer> = {
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

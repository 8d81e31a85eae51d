/**
 * The service desk's words in both languages (statuses, events, modes, handler kinds, audiences),
 * shared by the server's messages and exports and the pages.
 */
import type { Audience } from "../../domain/services/categories";
import type {
  CatalogueStatus,
  HandlerKind,
  RequestEvent,
  RequestStatus,
  ServiceMode,
} from "../../domain/services/request";
import type { Lang } from "../messages";

interface ServiceLabels {
  status: Record<RequestStatus, string>;
  event: Record<RequestEvent | "submit" | "assign", string>;
  mode: Record<ServiceMode, string>;
  handlerKind: Record<HandlerKind, string>;
  audience: Record<Audience, string>;
  catalogueStatus: Record<CatalogueStatus, string>;
}

export const SERVICE_LABELS: Record<Lang, ServiceLabels> = {
  "zh-CN": {
    status: {
      submitted: "待受理",
      accepted: "已受理",
      scheduled: "已预约",
      done: "已完成",
      declined: "未受理",
      cancelled: "已撤回",
    },
    event: {
      submit: "提交申请",
      accept: "受理",
      decline: "不予受理",
      schedule: "预约",
      close: "完成并记录",
      cancel: "撤回",
      assign: "指派承办人",
    },
    mode: { onsite: "基地面谈", visit: "上门走访", phone: "电话", online: "线上" },
    handlerKind: { staff: "基地工作人员", mentor: "导师", partner: "合作伙伴" },
    audience: { resident: "入驻机构", virtual: "虚拟孵化机构", graduated: "已出壳机构", public: "公众" },
    catalogueStatus: { active: "可申请", archived: "已停用" },
  },
  en: {
    status: {
      submitted: "Submitted",
      accepted: "Accepted",
      scheduled: "Scheduled",
      done: "Done",
      declined: "Declined",
      cancelled: "Cancelled",
    },
    event: {
      submit: "Asked",
      accept: "Accept",
      decline: "Decline",
      schedule: "Schedule",
      close: "Close with a record",
      cancel: "Cancel",
      assign: "Assign a handler",
    },
    mode: { onsite: "At the base", visit: "Visit", phone: "Phone", online: "Online" },
    handlerKind: { staff: "Staff", mentor: "Mentor", partner: "Partner" },
    audience: { resident: "Resident", virtual: "Virtual", graduated: "Graduated", public: "Public" },
    catalogueStatus: { active: "Active", archived: "Archived" },
  },
};

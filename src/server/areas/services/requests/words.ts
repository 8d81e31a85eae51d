/** The words the request services write into messages, notices and the growth file. */
import type { GrowthTitle } from "../../../../domain/growth";
import type { RequestStatus } from "../../../../domain/services/request";
import type { Lang } from "../../../../schemas/messages";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";

export const REQUEST_LABELS_FOR_ERRORS: Record<Lang, Record<RequestStatus, string>> = {
  "zh-CN": SERVICE_LABELS["zh-CN"].status,
  en: SERVICE_LABELS.en.status,
};

export const serviceTitles = {
  delivered: (title: string, minutes: number, asked: boolean): GrowthTitle => ({
    zhCN: `${asked ? "完成服务申请" : "获得服务"}：${title}（${minutes} 分钟）`,
    en: `${asked ? "Service request done" : "Service received"}: ${title} (${minutes} min)`,
  }),
  rated: (title: string, rating: number): GrowthTitle => ({
    zhCN: `评价服务“${title}”：${rating} 星`,
    en: `Rated the service “${title}”: ${rating} of 5`,
  }),
};

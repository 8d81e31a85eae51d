/** The project statuses in both languages, for the messages the server writes. */
import type { ProjectStatus } from "../../../../domain/funding/grant";

export const PROJECT_STATUS_WORDS: Record<"zh-CN" | "en", Record<ProjectStatus, string>> = {
  "zh-CN": { draft: "草稿", active: "实施中", closed: "已结项", cancelled: "已取消" },
  en: { draft: "draft", active: "active", closed: "closed", cancelled: "cancelled" },
};

/** The words for posts (资讯) in both languages, shared by the server (exports, errors) and the web. */
import type { PostKind, PostStatus, PostVisibility } from "../../domain/services/post";
import type { Lang } from "../messages";

export const POST_LABELS: Record<
  Lang,
  {
    kind: Record<PostKind, string>;
    status: Record<PostStatus, string>;
    visibility: Record<PostVisibility, string>;
  }
> = {
  "zh-CN": {
    kind: { notice: "通知公告", policy: "政策资讯", funding: "资金机会", purchase: "政府购买服务公告" },
    status: { draft: "草稿", published: "已发布", withdrawn: "已撤回" },
    visibility: { public: "公开（门户可见）", members: "仅登录的组织可见" },
  },
  en: {
    kind: {
      notice: "Notice",
      policy: "Policy",
      funding: "Funding opportunity",
      purchase: "Purchase-of-services announcement",
    },
    status: { draft: "Draft", published: "Published", withdrawn: "Withdrawn" },
    visibility: { public: "Public (on the portal)", members: "Signed-in organizations only" },
  },
};

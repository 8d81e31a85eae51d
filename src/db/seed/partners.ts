/**
 * The demo base's partners (合作伙伴): an enterprise, a foundation and a hub organization, as the
 * source article names the parties a base works with; the `partner` account works for the
 * foundation, so its home has the foundation's work.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { partners, users } from "../schema";

const DEMO_PARTNERS = [
  {
    name: "北京京北公益基金会",
    kind: "foundation",
    contactName: "周明",
    contactPhone: "13800000008",
    description: "资助社区养老、青少年服务类项目；提供筹款辅导与项目对接。",
  },
  {
    name: "昌平科技园企业社会责任联盟",
    kind: "enterprise",
    contactName: "韩雪",
    contactPhone: "13911110001",
    description: "提供志愿者、场地和财税咨询等企业资源。",
  },
  {
    name: "昌平区社会组织联合会",
    kind: "hub",
    contactName: "邓华",
    contactPhone: "13911110002",
    description: "枢纽型社会组织：注册辅导、党建指导、行业交流。",
  },
] as const;

/** The partners, and the demo `partner` account linked to the first (the foundation). */
export async function seedPartners(tx: Db, baseId: string): Promise<string[]> {
  const rows = await tx
    .insert(partners)
    .values(DEMO_PARTNERS.map((p) => ({ ...p, baseId })))
    .returning({ id: partners.id });
  const foundation = rows[0];
  if (foundation)
    await tx.update(users).set({ partnerId: foundation.id }).where(eq(users.username, "partner"));
  return rows.map((r) => r.id);
}

import { z } from "zod";

const ZCommunity = z.object({ id: z.string(), name: z.string() });
export const ZTown = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["town", "subdistrict"]),
  communities: z.array(ZCommunity),
});
export type Town = z.infer<typeof ZTown>;
export const ZTownList = z.object({ items: z.array(ZTown) });

export const ZHubOrganization = z.object({ id: z.string(), name: z.string() });
export const ZHubList = z.object({ items: z.array(ZHubOrganization) });

export const ZHealth = z.object({
  status: z.literal("ok"),
  engine: z.enum(["pglite", "postgres"]),
  version: z.string(),
});

export const ZHomeStats = z.object({
  organizations: z.number(),
  resident: z.number(),
  virtual: z.number(),
  unregistered: z.number(),
  byField: z.array(z.object({ field: z.string(), count: z.number() })),
  byTown: z.array(z.object({ townId: z.string(), townName: z.string(), count: z.number() })),
  users: z.number().nullable(),
  auditToday: z.number().nullable(),
});
export type HomeStats = z.infer<typeof ZHomeStats>;

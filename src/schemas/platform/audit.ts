import { z } from "zod";
import { text, ZId, ZInstant, ZPage, ZPageQuery } from "../common";

export const ZAuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  // Any JSON, null included (`unknown` already admits null: `.nullable()` would only add an
  // empty `anyOf` branch to the OpenAPI document).
  before: z
    .unknown()
    .describe(
      "The record before the change, password hash left out, phones masked; null when there was none",
    ),
  after: z
    .unknown()
    .describe("The record after the change, password hash left out, phones masked; null when there is none"),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = ZPageQuery.extend({
  actorId: ZId.optional(),
  /** Exact ("user.created"), or every action under a prefix when it ends with "." ("organization."). */
  action: text(64).optional(),
  entityType: text(64).optional(),
  entityId: text(64).optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
});
export type AuditQuery = z.input<typeof ZAuditQuery>;
export type AuditListState = z.output<typeof ZAuditQuery>;
export const ZAuditPage = ZPage(ZAuditEntry);

/** The action names recorded in the base's log, for the filter's dropdown. */
export const ZAuditActions = z.object({ items: z.array(z.string()) });
export type AuditActions = z.infer<typeof ZAuditActions>;

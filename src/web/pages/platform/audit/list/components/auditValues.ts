import type { TFunction } from "i18next";
import {
  ORGANIZATION_FIELDS,
  REGISTRATION_STATUSES,
  RESIDENCIES,
} from "../../../../../../domain/organization";
import { ROLES } from "../../../../../../domain/roles";
import { formatDateTime } from "../../../../../components/format";
import { organizationAttrLabel } from "../../../../../components/organizationLabels";
import { zhCN } from "../../../../../i18n/zh-CN";

type UserAttr = keyof typeof zhCN.user.attr;
type CommonAttr = "id" | "baseId" | "version" | "failures";
const isUserAttr = (key: string): key is UserAttr => key in zhCN.user.attr;
const isCommonAttr = (key: string): key is CommonAttr =>
  key === "id" || key === "baseId" || key === "version";

/** A recorded field name as people read it; names we have no label for stay as recorded. */
export function attrLabel(entityType: string, key: string, t: TFunction): string {
  if (entityType === "organization") {
    const label = organizationAttrLabel(key, t);
    if (label !== key) return label;
  }
  if (entityType === "user" && isUserAttr(key)) return t(`user.attr.${key}`);
  if (isCommonAttr(key)) return t(`audit.attr.${key}`);
  return key;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (list as readonly string[]).includes(value);

/** A recorded value as text: code lists by their labels, timestamps in the base's zone. */
export function valueText(key: string, value: unknown, t: TFunction): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (key === "registrationStatus" && oneOf(REGISTRATION_STATUSES, value))
    return t(`registrationStatus.${value}`);
  if (key === "residency" && oneOf(RESIDENCIES, value)) return t(`residency.${value}`);
  if (key === "status" && (value === "active" || value === "disabled")) return t(`user.status.${value}`);
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (key === "fields" && oneOf(ORGANIZATION_FIELDS, item)) return t(`field.${item}`);
        if (key === "roles" && oneOf(ROLES, item)) return t(`role.${item}`);
        return typeof item === "string" || typeof item === "number" ? String(item) : JSON.stringify(item);
      })
      .join("、");
  }
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value, null, 2);
}

/**
 * Audit actions and record kinds in the UI language, from the one registry the server writes by
 * (src/schemas/platform/audit-actions.ts), and the filter's options grouped by area.
 */
import { useTranslation } from "react-i18next";
import {
  AUDIT_ACTION_CODES,
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  type AuditEntity,
  auditArea,
  isAuditAction,
} from "../../../../../schemas/platform/audit-actions";
import { useLang } from "../../../../i18n";

const langKey = (lang: "zh-CN" | "en") => (lang === "en" ? "en" : "zhCN");

/** 修改组织 for organization.updated; an action the registry no longer names shows its code. */
export function useActionLabel(): (action: string) => string {
  const key = langKey(useLang());
  return (action) => (isAuditAction(action) ? AUDIT_ACTIONS[action][key] : action);
}

export function useEntityLabel(): (type: string) => string {
  const key = langKey(useLang());
  return (type) => (Object.hasOwn(AUDIT_ENTITIES, type) ? AUDIT_ENTITIES[type as AuditEntity][key] : type);
}

/** Every action, grouped under its record kind, for a Select's `options`. */
export function useActionOptions() {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();
  const areas = [...new Set(AUDIT_ACTION_CODES.map(auditArea))];
  return areas.map((area) => ({
    label:
      area === "auth" ? t("audit.area.auth") : area === "system" ? t("audit.area.system") : entityLabel(area),
    title: area,
    options: AUDIT_ACTION_CODES.filter((a) => auditArea(a) === area).map((a) => ({
      value: a,
      label: actionLabel(a),
    })),
  }));
}

export function useEntityOptions() {
  const entityLabel = useEntityLabel();
  return (Object.keys(AUDIT_ENTITIES) as AuditEntity[]).map((type) => ({
    value: type,
    label: entityLabel(type),
  }));
}

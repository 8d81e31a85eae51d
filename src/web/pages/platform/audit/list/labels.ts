import { useTranslation } from "react-i18next";
import { type Messages, zhCN } from "../../../../i18n/zh-CN";

/** The action codes the server writes (src/server/**: recordAudit), in the order people look for them. */
export const AUDIT_ACTIONS = [
  "organization.created",
  "organization.updated",
  "organization.imported",
  "organization.exported",
  "organization.contact_revealed",
  "user.created",
  "user.updated",
  "user.disabled",
  "user.enabled",
  "user.unlocked",
  "user.password_reset",
  "auth.login",
  "auth.logout",
  "auth.login_failed",
  "auth.account_locked",
  "auth.login_locked",
  "auth.login_disabled",
  "auth.login_unknown",
  "auth.password_changed",
  "auth.password_reset",
  "system.seed",
] as const;

type ActionKey = keyof Messages["audit"]["action"];
type EntityKey = keyof Messages["audit"]["entity"];
const isActionKey = (key: string): key is ActionKey => key in zhCN.audit.action;
const isEntityKey = (key: string): key is EntityKey => key in zhCN.audit.entity;

/** 修改组织 for organization.updated; an action without a label shows its code. */
export function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => {
    const key = action.replace(/\./g, "_");
    return isActionKey(key) ? t(`audit.action.${key}`) : action;
  };
}

export function useEntityLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => (isEntityKey(type) ? t(`audit.entity.${type}`) : type);
}

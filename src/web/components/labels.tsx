import { Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationField, RegistrationStatus, Residency } from "../../domain/organization";
import type { Role } from "../../domain/roles";

/**
 * antd's light preset tags write text in the colour's 7th step, which for green, cyan, gold and
 * orange falls below the 4.5:1 contrast AA asks for; these tones darken the text to pass.
 */
const TONE_TEXT = { green: "#237804", cyan: "#006d75", gold: "#874d00", orange: "#873800" } as const;
export type Tone = keyof typeof TONE_TEXT | "blue" | "geekblue" | "purple" | "red" | "default";

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  const text = tone in TONE_TEXT ? TONE_TEXT[tone as keyof typeof TONE_TEXT] : undefined;
  return (
    <Tag color={tone} style={text ? { color: text } : undefined}>
      {children}
    </Tag>
  );
}

const REGISTRATION_COLOR: Record<RegistrationStatus, Tone> = {
  unregistered: "default",
  social_group: "blue",
  social_service_agency: "geekblue",
  foundation: "purple",
};

const RESIDENCY_COLOR: Record<Residency, Tone> = {
  resident: "cyan",
  virtual: "gold",
  none: "default",
};

export function RegistrationTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={REGISTRATION_COLOR[status]}>{t(`registrationStatus.${status}`)}</ToneTag>;
}

export function ResidencyTag({ residency }: { residency: Residency }) {
  const { t } = useTranslation();
  return <ToneTag tone={RESIDENCY_COLOR[residency]}>{t(`residency.${residency}`)}</ToneTag>;
}

export function FieldTags({ fields }: { fields: readonly OrganizationField[] }) {
  const { t } = useTranslation();
  if (fields.length === 0) return <span>{t("common.empty")}</span>;
  return (
    <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 4 }}>
      {fields.map((field) => (
        <Tag key={field} style={{ marginInlineEnd: 0 }}>
          {t(`field.${field}`)}
        </Tag>
      ))}
    </span>
  );
}

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 4 }}>
      {roles.map((role) => (
        <Tag key={role} color={role === "admin" ? "red" : "blue"} style={{ marginInlineEnd: 0 }}>
          {t(`role.${role}`)}
        </Tag>
      ))}
    </span>
  );
}

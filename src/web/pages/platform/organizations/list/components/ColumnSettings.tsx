import { SettingOutlined } from "@ant-design/icons";
import { Button, Checkbox, Popover } from "antd";
import { useTranslation } from "react-i18next";
import { COLUMN_KEYS, type ColumnKey } from "./columns";

const STORAGE_KEY = "hatchery.organizations.columns";
const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  "name",
  "registrationStatus",
  "creditCode",
  "town",
  "fields",
  "residency",
  "contact",
  "updatedAt",
];

export function loadColumns(): ColumnKey[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    if (Array.isArray(stored)) {
      const keys = COLUMN_KEYS.filter((key) => stored.includes(key));
      if (keys.length > 0) return keys;
    }
  } catch {
    // a broken value falls back to the defaults
  }
  return [...DEFAULT_COLUMNS];
}

const LABEL_KEYS = {
  name: "organization.attr.name",
  registrationStatus: "organization.attr.registrationStatus",
  creditCode: "organization.attr.creditCode",
  town: "organization.column.town",
  fields: "organization.column.fields",
  residency: "organization.attr.residency",
  contact: "organization.column.contact",
  staffCount: "organization.attr.staffCount",
  foundedOn: "organization.attr.foundedOn",
  updatedAt: "organization.column.updatedAt",
} as const satisfies Record<ColumnKey, string>;

/** Which columns the table shows, remembered per browser. */
export function ColumnSettings({
  value,
  onChange,
}: {
  value: ColumnKey[];
  onChange: (keys: ColumnKey[]) => void;
}) {
  const { t } = useTranslation();
  const title = t("organization.columnSettings");
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={title}
      content={
        <Checkbox.Group
          aria-label={title}
          style={{ display: "grid", gap: 6 }}
          value={value}
          options={COLUMN_KEYS.map((key) => ({
            value: key,
            label: t(LABEL_KEYS[key]),
            disabled: key === "name",
          }))}
          onChange={(checked) => {
            const keys = COLUMN_KEYS.filter((key) => key === "name" || checked.includes(key));
            localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
            onChange(keys);
          }}
        />
      }
    >
      <Button icon={<SettingOutlined aria-hidden />}>{title}</Button>
    </Popover>
  );
}

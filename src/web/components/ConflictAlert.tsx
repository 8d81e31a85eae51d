import { Alert, Button, Space } from "antd";
import { useTranslation } from "react-i18next";

interface Props {
  message: string;
  busy: boolean;
  onKeepMine: () => void;
  onLoadLatest: () => void;
}

/** A 409: someone saved first. What the user typed stays in the form until they choose. */
export function ConflictAlert({ message, busy, onKeepMine, onLoadLatest }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t("organization.form.conflictTitle")}
      description={
        <Space orientation="vertical" style={{ width: "100%" }}>
          <span>{message}</span>
          <Space wrap>
            <Button type="primary" loading={busy} onClick={onKeepMine}>
              {t("organization.form.keepMine")}
            </Button>
            <Button danger disabled={busy} onClick={onLoadLatest}>
              {t("organization.form.loadLatest")}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}

import { List, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Conflict } from "../../../../../schemas/admission/experts";
import { formatDate } from "../../../../components/format";
import { ConflictKindTag, conflictReason } from "./labels";

/** Conflicts as a list that reads the same on a phone and a desktop: organization, kind, reason. */
export function ConflictList({
  conflicts,
  action,
}: {
  conflicts: Conflict[];
  action?: (conflict: Conflict) => ReactNode;
}) {
  const { t } = useTranslation();
  if (conflicts.length === 0)
    return <Typography.Text type="secondary">{t("experts.conflictsEmpty")}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={conflicts}
      rowKey={(c) => `${c.id ?? ""}${c.organizationId}${c.kind}${c.reason}`}
      renderItem={(c) => (
        <List.Item actions={action ? [action(c)] : undefined}>
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            <Space size={6} wrap>
              <Typography.Text strong>{c.organizationName}</Typography.Text>
              <ConflictKindTag kind={c.kind} />
            </Space>
            {conflictReason(c) && <Typography.Text>{conflictReason(c)}</Typography.Text>}
            {c.createdAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("experts.recordedAt")} {formatDate(c.createdAt)}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

import { useTranslation } from "react-i18next";
import type { CallRevision } from "../../../../../schemas/recruitment/calls";
import { formatDateTime } from "../../../../components/format";

/**
 * 修订记录: every published revision with its date and why it changed, newest first. A plain list:
 * antd's Timeline is built on Steps, a large download for the portal's phones.
 */
export function RevisionList({ revisions }: { revisions: CallRevision[] }) {
  const { t } = useTranslation();
  return (
    <ol style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 12 }}>
      {[...revisions].reverse().map((r, i) => (
        <li
          key={r.revision}
          style={{
            borderInlineStart: `3px solid ${i === 0 ? "#1677ff" : "#d9d9d9"}`,
            paddingInlineStart: 12,
          }}
        >
          <strong>{t("portal.revisionLine", { revision: r.revision })}</strong>
          <span className="hatchery-secondary" style={{ marginInlineStart: 8 }}>
            {formatDateTime(r.createdAt)}
          </span>
          <div>{r.note ?? t("portal.firstPublished")}</div>
        </li>
      ))}
    </ol>
  );
}

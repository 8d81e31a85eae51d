/** An item's replaced files (已替换): out of the current set, still there to compare and download. */
import { HistoryOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { fileUrl } from "../../../../api/recruitment/applications";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";

export function ReplacedFiles({
  detail,
  requirementKey,
}: {
  detail: ApplicationDetail;
  requirementKey: string;
}) {
  const { t } = useTranslation();
  const replaced = detail.replacedDocuments.filter((d) => d.requirementKey === requirementKey);
  if (replaced.length === 0) return null;
  return (
    <ul
      aria-label={t("intake.history.label")}
      style={{ margin: "4px 0 0", padding: 0, listStyle: "none", fontSize: 13, color: "rgba(0,0,0,0.68)" }}
    >
      {replaced.map((d) => (
        <li key={d.id} style={{ overflowWrap: "anywhere" }}>
          <HistoryOutlined aria-hidden /> <ToneTag tone="default">{t("intake.history.replaced")}</ToneTag>
          <a
            href={fileUrl(d.file.id)}
            download={d.file.originalName}
            style={{ textDecoration: "line-through" }}
          >
            {d.file.originalName}
          </a>{" "}
          <span>{t("intake.history.replacedAt", { time: formatDateTime(d.replacedAt) })}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A document read in the page: a PDF in a frame or an image, beside the items on a desktop (no
 * mask, so the list and the decisions stay usable) and full screen on a phone, with the item's
 * verdict under it so staff decide while they read. Served with `?inline=1`: the server shows
 * only PDFs and images inline, sandboxed; the page's CSP allows frames of this site only.
 */
import { DownloadOutlined, ExportOutlined, LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Drawer, Flex } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail, FileInfo } from "../../../../../schemas/recruitment/applications";
import { fileUrl, inlineFileUrl } from "../../../../api/recruitment/applications";
import { useIsMobile } from "../../../../components/useIsMobile";
import { verdictOf } from "../components/ApplicationSections";
import { VerdictForm } from "./ItemVerdict";

export interface Viewable {
  item: { key: string; label: string };
  file: FileInfo;
}

const ignoreUnsaved = () => {};

export function DocumentPreview(props: {
  detail: ApplicationDetail;
  viewable: Viewable[];
  fileId: string | null;
  editable: boolean;
  onChange: (fileId: string | null) => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const index = props.viewable.findIndex((v) => v.file.id === props.fileId);
  const current = index >= 0 ? props.viewable[index] : undefined;
  const step = (by: number) => props.onChange(props.viewable[index + by]?.file.id ?? null);
  if (!current) return null;
  const { item, file } = current;
  const { verdict, stale } = verdictOf(props.detail, item.key);
  return (
    <Drawer
      open
      onClose={() => props.onChange(null)}
      placement="right"
      size={isMobile ? "100%" : "min(50vw, 880px)"}
      mask={isMobile}
      destroyOnHidden
      title={
        <span style={{ overflowWrap: "anywhere" }}>
          {t("intake.preview.title", { item: item.label, name: file.originalName })}
        </span>
      }
      extra={
        <Flex gap={4} wrap>
          <Button
            size="small"
            icon={<ExportOutlined aria-hidden />}
            href={inlineFileUrl(file.id)}
            target="_blank"
            rel="noreferrer"
            aria-label={t("intake.preview.newTab")}
          >
            {isMobile ? null : t("intake.preview.newTab")}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined aria-hidden />}
            href={fileUrl(file.id)}
            download={file.originalName}
            aria-label={`${t("intake.detail.download")} ${file.originalName}`}
          >
            {isMobile ? null : t("intake.detail.download")}
          </Button>
        </Flex>
      }
      styles={{ body: { padding: 0, display: "flex", background: "#525659" } }}
      footer={
        <Flex vertical gap={8}>
          {props.editable && (
            <section aria-label={`${t("intake.preview.verdictHere")}${t("common.colon")}${item.label}`}>
              <strong>{item.label}</strong>
              <VerdictForm
                key={`${file.id}:${verdict?.status ?? "none"}:${verdict?.checkedAt ?? ""}:${stale}`}
                applicationId={props.detail.id}
                requirementKey={item.key}
                label={item.label}
                status={stale ? "pending" : (verdict?.status ?? "pending")}
                reason={verdict?.reason ?? ""}
                onUnsaved={ignoreUnsaved}
              />
            </section>
          )}
          {props.viewable.length > 1 && (
            <Flex justify="space-between" align="center" gap={8}>
              <Button icon={<LeftOutlined aria-hidden />} disabled={index === 0} onClick={() => step(-1)}>
                {t("intake.preview.previous")}
              </Button>
              <span style={{ color: "rgba(0,0,0,0.68)" }}>
                {t("intake.preview.position", { index: index + 1, count: props.viewable.length })}
              </span>
              <Button disabled={index === props.viewable.length - 1} onClick={() => step(1)}>
                {t("intake.preview.next")} <RightOutlined aria-hidden />
              </Button>
            </Flex>
          )}
        </Flex>
      }
    >
      {file.mime === "application/pdf" ? (
        <iframe
          key={file.id}
          src={inlineFileUrl(file.id)}
          title={file.originalName}
          style={{ flex: 1, width: "100%", minHeight: "60vh", border: 0, background: "#fff" }}
        />
      ) : (
        <div style={{ flex: 1, overflow: "auto", display: "grid", placeItems: "center", padding: 16 }}>
          <img
            src={inlineFileUrl(file.id)}
            alt={t("intake.preview.imageAlt", { name: file.originalName })}
            style={{ maxWidth: "100%", height: "auto", background: "#fff" }}
          />
        </div>
      )}
    </Drawer>
  );
}

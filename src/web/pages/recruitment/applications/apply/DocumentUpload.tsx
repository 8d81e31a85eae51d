/**
 * One requirement's files: upload (checked by the server from the bytes), the list with name and
 * size, download, replace with a corrected file and remove; replaced files stay listed below as
 * 已替换. The server's refusals are shown as it words them (Chinese first).
 */
import {
  DeleteOutlined,
  FileOutlined,
  LoadingOutlined,
  SwapOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Tag, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { UPLOAD_LIMITS } from "../../../../../domain/upload";
import type { ApplicationDocument, ReplacedDocument } from "../../../../../schemas/recruitment/applications";
import { isApiError } from "../../../../api/client";
import {
  applicationKeys,
  fileUrl,
  removeDocument,
  replaceDocument,
  uploadDocument,
} from "../../../../api/recruitment/applications";
import { FileButton } from "../../../../components/FileButton";
import { formatDateTime } from "../../../../components/format";
import { errorMessage } from "../../../../components/serverErrors";
import { useIsMobile } from "../../../../components/useIsMobile";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.gif,.doc,.docx,.xls,.xlsx";
const MAX_MB = Math.round(UPLOAD_LIMITS.fileBytes / (1024 * 1024));

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * When an upload or a replacement lands, the list re-renders (a replaced file's row and its
 * button are gone): focus goes to the new file's row (its link), or back to the upload button
 * when the upload failed (its error is shown next to it). After the render settles.
 */
function refocus(
  box: HTMLDivElement | null,
  fileName: string | null,
  button: HTMLButtonElement | null,
): void {
  window.setTimeout(() => {
    const row = fileName
      ? [...(box?.querySelectorAll<HTMLAnchorElement>("li a[title]") ?? [])].find((a) => a.title === fileName)
      : undefined;
    (row ?? button)?.focus();
  }, 0);
}

interface Props {
  applicationId: string;
  requirementKey: string;
  documents: ApplicationDocument[];
  /** The application's replaced documents (this requirement's are listed as 已替换). */
  replaced?: ReplacedDocument[];
  label: string;
  disabled?: boolean;
}

export function DocumentUpload(props: Props) {
  const { applicationId, requirementKey, documents, replaced = [], label, disabled } = props;
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const colon = t("common.colon");
  const client = useQueryClient();
  const [uploading, setUploading] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const uploadButton = useRef<HTMLButtonElement>(null);
  const mine = documents.filter((d) => d.requirementKey === requirementKey);
  const history = replaced.filter((d) => d.requirementKey === requirementKey);
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: applicationKeys.detail(applicationId) }),
      client.invalidateQueries({ queryKey: applicationKeys.mine }),
    ]);

  const upload = async (file: File) => {
    setError(null);
    if (file.size > UPLOAD_LIMITS.fileBytes) {
      setError(t("applications.fileTooLarge", { mb: MAX_MB }));
      return;
    }
    setUploading((u) => [...u, file.name]);
    try {
      await uploadDocument(applicationId, requirementKey, file);
      await refresh();
      message.success(t("applications.uploaded", { name: file.name }));
      refocus(box.current, file.name, uploadButton.current);
    } catch (e) {
      setError(`${file.name}${colon}${errorMessage(e)}`);
      refocus(box.current, null, uploadButton.current);
    } finally {
      setUploading((u) => u.filter((n) => n !== file.name));
    }
  };

  const replace = async (doc: ApplicationDocument, file: File) => {
    setError(null);
    if (file.size > UPLOAD_LIMITS.fileBytes) {
      setError(t("applications.fileTooLarge", { mb: MAX_MB }));
      return;
    }
    setUploading((u) => [...u, file.name]);
    try {
      await replaceDocument(applicationId, doc.id, file);
      await refresh();
      message.success(t("applications.replaced", { old: doc.file.originalName, name: file.name }));
      refocus(box.current, file.name, uploadButton.current);
    } catch (e) {
      // Replaced or removed meanwhile (another tab): show the list as it is now.
      if (isApiError(e) && e.code === "version_conflict") {
        await refresh();
        setError(t("applications.replaceStale"));
      } else setError(`${file.name}${colon}${errorMessage(e)}`);
      refocus(box.current, null, uploadButton.current);
    } finally {
      setUploading((u) => u.filter((n) => n !== file.name));
    }
  };

  const remove = (doc: ApplicationDocument) =>
    modal.confirm({
      title: t("applications.removeConfirm", { name: doc.file.originalName }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await removeDocument(applicationId, doc.id);
          await refresh();
          message.success(t("applications.removed"));
        } catch (e) {
          setError(errorMessage(e));
        }
      },
    });

  return (
    <Flex vertical gap={8} ref={box}>
      {disabled && mine.length === 0 && (
        <Typography.Text type="secondary">{t("applications.notUploaded")}</Typography.Text>
      )}
      {mine.length > 0 && (
        <ul aria-label={label} style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {mine.map((doc) => (
            <li key={doc.id}>
              <Flex
                align="center"
                gap={8}
                style={{ padding: "4px 0", minWidth: 0, minHeight: isMobile ? 44 : undefined }}
              >
                <FileOutlined aria-hidden />
                <Typography.Link
                  href={fileUrl(doc.file.id)}
                  ellipsis
                  style={{ flex: 1, minWidth: 0, lineHeight: isMobile ? "40px" : undefined }}
                  title={doc.file.originalName}
                >
                  {doc.file.originalName}
                </Typography.Link>
                <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                  {formatSize(doc.file.size)}
                </Typography.Text>
                {!disabled && (
                  <FileButton
                    accept={ACCEPT}
                    onFiles={([file]) => file && void replace(doc, file)}
                    size={isMobile ? "large" : "small"}
                    icon={<SwapOutlined aria-hidden />}
                    aria-label={t("applications.replaceLabel", { name: doc.file.originalName })}
                  >
                    {isMobile ? null : t("applications.replace")}
                  </FileButton>
                )}
                {!disabled && (
                  <Button
                    type="text"
                    danger
                    size={isMobile ? "large" : "small"}
                    icon={<DeleteOutlined />}
                    aria-label={`${t("applications.remove")}${colon}${doc.file.originalName}`}
                    onClick={() => remove(doc)}
                  />
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
      {history.length > 0 && (
        <ul
          aria-label={`${t("applications.replacedHistory")}${colon}${label}`}
          style={{ listStyle: "none", margin: 0, padding: 0, fontSize: 13 }}
        >
          {history.map((doc) => (
            <li key={doc.id} style={{ display: "flex", gap: 6, alignItems: "baseline", minWidth: 0 }}>
              <Tag style={{ marginInlineEnd: 0 }}>{t("applications.replacedTag")}</Tag>
              <Typography.Link
                href={fileUrl(doc.file.id)}
                ellipsis
                delete
                style={{ flex: 1, minWidth: 0 }}
                title={doc.file.originalName}
              >
                {doc.file.originalName}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                {formatDateTime(doc.replacedAt)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {uploading.map((name) => (
        <Typography.Text key={name} type="secondary">
          <LoadingOutlined aria-hidden /> {t("applications.uploading")} {name}
        </Typography.Text>
      ))}
      {!disabled && (
        <div>
          <FileButton
            ref={uploadButton}
            accept={ACCEPT}
            multiple
            onFiles={(files) => {
              for (const file of files) void upload(file);
            }}
            icon={<UploadOutlined />}
            size={isMobile ? "large" : "middle"}
            aria-label={`${t("applications.upload")}${colon}${label}`}
          >
            {t("applications.upload")}
          </FileButton>
        </div>
      )}
      {error && (
        <Alert type="error" showIcon role="alert" title={error} closable onClose={() => setError(null)} />
      )}
      {!disabled && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("applications.uploadHint", { mb: MAX_MB })}
        </Typography.Text>
      )}
    </Flex>
  );
}

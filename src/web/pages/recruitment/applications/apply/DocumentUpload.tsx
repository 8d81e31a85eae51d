/**
 * One requirement's files: upload (checked by the server from the bytes), the list with name and
 * size, download and remove. The server's refusals are shown as it words them (Chinese first).
 */
import { DeleteOutlined, FileOutlined, LoadingOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Typography, Upload } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { UPLOAD_LIMITS } from "../../../../../domain/upload";
import type { ApplicationDocument } from "../../../../../schemas/recruitment/applications";
import {
  applicationKeys,
  fileUrl,
  removeDocument,
  uploadDocument,
} from "../../../../api/recruitment/applications";
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
 * The file chooser is a native dialog: when it closes and the list re-renders, focus would be
 * left on the page body. It goes to the uploaded file's row (its link), or back to the upload
 * control when the upload failed (its error is shown next to it). After the render settles.
 */
function refocus(box: HTMLDivElement | null, fileName: string | null): void {
  window.setTimeout(() => {
    if (!box) return;
    const row = fileName
      ? [...box.querySelectorAll<HTMLAnchorElement>("li a[title]")].find((a) => a.title === fileName)
      : undefined;
    (row ?? box.querySelector<HTMLElement>(".ant-upload [role=button], .ant-upload button"))?.focus();
  }, 0);
}

interface Props {
  applicationId: string;
  requirementKey: string;
  documents: ApplicationDocument[];
  label: string;
  disabled?: boolean;
}

export function DocumentUpload({ applicationId, requirementKey, documents, label, disabled }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const colon = t("common.colon");
  const client = useQueryClient();
  const [uploading, setUploading] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const mine = documents.filter((d) => d.requirementKey === requirementKey);
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
      refocus(box.current, file.name);
    } catch (e) {
      setError(`${file.name}${colon}${errorMessage(e)}`);
      refocus(box.current, null);
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
      {uploading.map((name) => (
        <Typography.Text key={name} type="secondary">
          <LoadingOutlined aria-hidden /> {t("applications.uploading")} {name}
        </Typography.Text>
      ))}
      {!disabled && (
        <Upload
          accept={ACCEPT}
          multiple
          showUploadList={false}
          customRequest={({ file, onSuccess }) => {
            void upload(file as File).then(() => onSuccess?.(null));
          }}
        >
          <Button
            icon={<UploadOutlined />}
            size={isMobile ? "large" : "middle"}
            aria-label={`${t("applications.upload")}${colon}${label}`}
          >
            {t("applications.upload")}
          </Button>
        </Upload>
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

/**
 * A request's attachments: the list (each a download link on its own line) and, for the
 * organization and whoever handles it while the request is open, an upload button. The close
 * dialog uses the same button for what the record is kept with (a sign-in sheet, photos).
 */
import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Card, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UploadedFile } from "../../../../schemas/platform/files";
import { uploadRequestFile } from "../../../api/services/desk";
import { FileButton } from "../../../components/FileButton";
import { errorMessage } from "../../../components/serverErrors";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.gif,.doc,.docx,.xls,.xlsx";

export function FileLinks({ files }: { files: readonly { id: string; name: string }[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: "none" }}>
      {files.map((f) => (
        <li key={f.id} style={{ padding: "2px 0" }}>
          <Typography.Link href={`/api/files/${f.id}`} download={f.name} style={{ overflowWrap: "anywhere" }}>
            <PaperClipOutlined aria-hidden /> {f.name}
          </Typography.Link>
        </li>
      ))}
    </ul>
  );
}

/** Uploads the chosen files to the request one by one; tells `onUploaded` of each. */
export function AttachButton({
  requestId,
  onUploaded,
  label,
}: {
  requestId: string;
  onUploaded?: (file: UploadedFile) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const upload = async (files: File[]) => {
    setBusy(true);
    try {
      for (const file of files) {
        const saved = await uploadRequestFile(requestId, file);
        onUploaded?.(saved);
        message.success(t("serviceDesk.attached", { name: saved.originalName }));
      }
    } catch (error) {
      message.error(`${t("serviceDesk.uploadFailed")}${t("common.colon")}${errorMessage(error)}`);
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: ["services", "request", requestId] });
    }
  };
  return (
    <FileButton
      accept={ACCEPT}
      multiple
      icon={<UploadOutlined aria-hidden />}
      loading={busy}
      onFiles={(f) => void upload(f)}
    >
      {label ?? t("serviceDesk.attach")}
    </FileButton>
  );
}

/** The request's attachments card (before a record lists them). */
export function RequestFilesCard({
  requestId,
  files,
  mayAttach,
}: {
  requestId: string;
  files: readonly { id: string; name: string }[];
  mayAttach: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("serviceDesk.files")}>
      <Flex vertical gap={8}>
        {files.length === 0 ? (
          <Typography.Text type="secondary">{t("serviceDesk.filesEmpty")}</Typography.Text>
        ) : (
          <FileLinks files={files} />
        )}
        {mayAttach && (
          <div>
            <AttachButton requestId={requestId} />
            <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0", fontSize: 13 }}>
              {t("serviceDesk.attachHelp")}
            </Typography.Paragraph>
          </div>
        )}
      </Flex>
    </Card>
  );
}

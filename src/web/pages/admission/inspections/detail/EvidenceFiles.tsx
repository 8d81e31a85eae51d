/**
 * Files kept as evidence: photos from the phone's camera (the back camera opens directly) and
 * other files, uploaded to the inspection and then named in the finding by id.
 */
import { CameraOutlined, DeleteOutlined, PaperClipOutlined } from "@ant-design/icons";
import { App, Button, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../../../api/client";
import { FileButton } from "../../../../components/FileButton";
import { errorMessage } from "../../../../components/serverErrors";

export interface KnownFile {
  id: string;
  originalName: string;
}

export function EvidenceFiles(props: {
  inspectionId: string;
  /** What the files are for, for the buttons' accessible names. */
  label: string;
  fileIds: readonly string[];
  known: Map<string, KnownFile>;
  onUploaded: (file: KnownFile) => void;
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const upload = async (files: File[]) => {
    setBusy(true);
    const added: string[] = [];
    try {
      for (const file of files) {
        const body = new FormData();
        body.append("file", file);
        const saved = await request<KnownFile>(`/api/inspections/${props.inspectionId}/files`, {
          method: "POST",
          body,
        });
        props.onUploaded(saved);
        added.push(saved.id);
      }
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
      if (added.length > 0) props.onChange([...props.fileIds, ...added]);
    }
  };
  return (
    <Flex vertical gap={6}>
      {props.fileIds.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {props.fileIds.map((id) => {
            const name = props.known.get(id)?.originalName ?? id.slice(0, 8);
            return (
              <li key={id}>
                <Typography.Link href={`/api/files/${id}?inline=1`} target="_blank">
                  {name}
                </Typography.Link>
                {!props.disabled && (
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t("inspections.form.removeFile", { name })}
                    onClick={() => props.onChange(props.fileIds.filter((f) => f !== id))}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!props.disabled && (
        <Flex wrap gap={8}>
          <FileButton
            accept="image/*"
            capture="environment"
            icon={<CameraOutlined />}
            loading={busy}
            aria-label={`${t("inspections.form.photo")}：${props.label}`}
            onFiles={(files) => void upload(files)}
          >
            {t("inspections.form.photo")}
          </FileButton>
          <FileButton
            accept="image/*,.pdf,.doc,.docx,.xls,.xlsx"
            multiple
            icon={<PaperClipOutlined />}
            disabled={busy}
            aria-label={`${t("inspections.form.attach")}：${props.label}`}
            onFiles={(files) => void upload(files)}
          >
            {t("inspections.form.attach")}
          </FileButton>
        </Flex>
      )}
    </Flex>
  );
}

/**
 * A post's attachments: the editor's control (upload to the saved post, reorder by removing and
 * adding, remove; the post's save keeps the list) and the reader's list of downloads (signed in
 * through the files area, on the portal through the public post's own route).
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Flex, List, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { POST_LIMITS } from "../../../../../domain/services/post";
import type { UploadedFile } from "../../../../../schemas/platform/files";
import { postFileUrl, uploadPostFile } from "../../../../api/services/posts";
import { FileButton } from "../../../../components/FileButton";
import { errorMessage } from "../../../../components/serverErrors";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.gif,.doc,.docx,.xls,.xlsx";

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** An antd form control: `value` is the attached files, in order. */
export function AttachmentsInput(props: {
  postId: string | undefined;
  value?: UploadedFile[];
  onChange?: (files: UploadedFile[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const files = props.value ?? [];
  const { postId } = props;
  if (!postId) return <Typography.Text type="secondary">{t("posts.attachmentsAfterSave")}</Typography.Text>;
  const add = async (chosen: File[]) => {
    let list = files;
    for (const file of chosen.slice(0, POST_LIMITS.attachments - files.length)) {
      setUploading((n) => n + 1);
      try {
        list = [...list, await uploadPostFile(postId, file)];
        props.onChange?.(list);
      } catch (error) {
        message.error(`${t("posts.uploadFailed", { name: file.name })}${errorMessage(error)}`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };
  return (
    <Flex vertical gap={8}>
      {files.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={files}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  disabled={props.disabled}
                  aria-label={t("posts.removeAttachment", { name: f.originalName })}
                  onClick={() => props.onChange?.(files.filter((x) => x.id !== f.id))}
                />,
              ]}
            >
              <Typography.Text>
                <PaperClipOutlined aria-hidden /> {f.originalName}{" "}
                <Typography.Text type="secondary">（{size(f.size)}）</Typography.Text>
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      <div>
        <FileButton
          accept={ACCEPT}
          multiple
          icon={<UploadOutlined />}
          loading={uploading > 0}
          disabled={props.disabled || files.length >= POST_LIMITS.attachments}
          onFiles={(chosen) => void add(chosen)}
        >
          {t("posts.addAttachment")}
        </FileButton>
      </div>
    </Flex>
  );
}

/** The reader's downloads, each link on its own line. */
export function AttachmentList(props: {
  postId: string;
  files: UploadedFile[];
  portal: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  if (props.files.length === 0) return null;
  return (
    <section aria-labelledby={`attachments-${props.postId}`} style={{ marginTop: 24 }}>
      <Typography.Title
        level={props.headingLevel ?? 2}
        id={`attachments-${props.postId}`}
        style={{ fontSize: 16 }}
      >
        {t("posts.attachments")}
      </Typography.Title>
      <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 6 }}>
        {props.files.map((f) => (
          <li key={f.id}>
            <a href={postFileUrl(props.postId, f.id, props.portal)} download={f.originalName}>
              <PaperClipOutlined aria-hidden /> {f.originalName}
            </a>{" "}
            <Typography.Text type="secondary">（{size(f.size)}）</Typography.Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The message thread of one application, for both sides (staff on the intake page, the applicant
 * on its own application page): bubbles by side, author and Beijing time, attachments as
 * download links, a compose box with attachments. Showing the thread marks the other side's
 * messages read.
 */
import { PaperClipOutlined, SendOutlined } from "@ant-design/icons";
import { App, Button, Empty, Flex, Input, Spin, Tag } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { UploadedFile } from "../../schemas/platform/files";
import { MESSAGE_FILES_MAX, MESSAGE_MAX } from "../../schemas/recruitment/application-thread";
import { fileUrl, uploadFile } from "../api/recruitment/applications";
import { useMarkRead, usePostMessage, useThread } from "../api/recruitment/intake";
import { FileButton } from "./FileButton";
import { formatDateTime } from "./format";
import { QueryError } from "./QueryError";
import { errorMessage } from "./serverErrors";
import { useIsMobile } from "./useIsMobile";

interface Props {
  applicationId: string;
  side: "applicant" | "staff";
}

export function MessageThread({ applicationId, side }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const thread = useThread(applicationId);
  const post = usePostMessage(applicationId);
  const markRead = useMarkRead(applicationId);
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(0);
  const composer = useRef<HTMLDivElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const isMobile = useIsMobile();

  const unread = thread.data?.unread ?? 0;
  const { mutate: mark } = markRead;
  useEffect(() => {
    if (unread > 0) mark();
  }, [unread, mark]);

  const count = thread.data?.items.length ?? 0;
  useEffect(() => {
    const list = listRef.current;
    if (list && count > 0) list.scrollTop = list.scrollHeight;
  }, [count]);

  const send = async () => {
    const text = body.trim();
    if (!text) return;
    try {
      await post.mutateAsync({ body: text, fileIds: files.map((f) => f.id) });
      setBody("");
      setFiles([]);
    } catch (error) {
      message.error(`${t("intake.thread.sendFailed")}${t("common.colon")}${errorMessage(error)}`);
    }
  };

  const attach = async (file: File) => {
    setUploading((n) => n + 1);
    try {
      const uploaded = await uploadFile(applicationId, file);
      setFiles((list) => [...list, uploaded].slice(0, MESSAGE_FILES_MAX));
    } catch (error) {
      message.error(`${t("intake.thread.uploadFailed")}: ${errorMessage(error)}`);
    } finally {
      setUploading((n) => n - 1);
      // The attach button keeps focus, unless it turned disabled (no more fit): then the message box.
      window.setTimeout(() => {
        const button = attachButton.current;
        const lost = document.activeElement === document.body || document.activeElement === button;
        if (lost && button?.disabled) composer.current?.querySelector("textarea")?.focus();
      }, 0);
    }
  };

  if (thread.isError) return <QueryError error={thread.error} onRetry={() => void thread.refetch()} />;
  const sideLabel = (s: "applicant" | "staff") =>
    s === "staff" ? t("intake.thread.staffSide") : t("intake.thread.applicantSide");

  return (
    <section aria-label={t("intake.thread.title")}>
      <Spin spinning={thread.isPending}>
        {count === 0 && !thread.isPending ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("intake.thread.empty")} />
        ) : (
          <ol
            ref={listRef}
            aria-live="polite"
            style={{
              listStyle: "none",
              margin: 0,
              padding: 4,
              // On a phone the page scrolls, not a small box inside it.
              maxHeight: isMobile ? undefined : 420,
              overflowY: isMobile ? undefined : "auto",
              display: "grid",
              gap: 12,
            }}
          >
            {thread.data?.items.map((m) => (
              <li
                key={m.id}
                style={{ display: "flex", justifyContent: m.side === side ? "flex-end" : "flex-start" }}
              >
                <div
                  style={{
                    maxWidth: "85%",
                    minWidth: 0,
                    padding: "8px 12px",
                    borderRadius: 8,
                    background: m.side === "staff" ? "#e6f4ff" : "#f5f5f5",
                    border: `1px solid ${m.side === "staff" ? "#91caff" : "#d9d9d9"}`,
                  }}
                >
                  <div style={{ fontSize: 12, color: "rgba(0,0,0,0.68)", marginBottom: 4 }}>
                    <strong style={{ color: "rgba(0,0,0,0.88)" }}>{m.authorName}</strong> ·{" "}
                    {sideLabel(m.side)} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                    {m.side === side && m.readAt && <span> · {t("intake.thread.read")}</span>}
                  </div>
                  <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{m.body}</div>
                  {m.files.length > 0 && (
                    <ul style={{ margin: "6px 0 0", padding: 0, listStyle: "none" }}>
                      {m.files.map((f) => (
                        <li key={f.id}>
                          <a
                            href={fileUrl(f.id)}
                            download={f.originalName}
                            style={{ overflowWrap: "anywhere" }}
                          >
                            <PaperClipOutlined aria-hidden /> {f.originalName}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </Spin>
      <div style={{ marginTop: 12 }} ref={composer}>
        <Input.TextArea
          aria-label={t("intake.thread.label")}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder={t(isMobile ? "intake.thread.placeholderTouch" : "intake.thread.placeholder")}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={MESSAGE_MAX}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void send();
          }}
        />
        {files.length > 0 && (
          <Flex wrap gap={4} style={{ marginTop: 8 }}>
            {files.map((f) => (
              <Tag key={f.id} style={{ marginInlineEnd: 0 }}>
                {f.originalName}
                <Button
                  type="text"
                  size="small"
                  aria-label={t("intake.thread.removeFile", { name: f.originalName })}
                  onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}
                  style={{ marginInlineStart: 2, height: 18, width: 18, minWidth: 18, padding: 0 }}
                >
                  ×
                </Button>
              </Tag>
            ))}
          </Flex>
        )}
        <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }} wrap>
          <FileButton
            ref={attachButton}
            multiple
            disabled={files.length + uploading >= MESSAGE_FILES_MAX}
            onFiles={(chosen) => {
              const room = MESSAGE_FILES_MAX - files.length - uploading;
              if (chosen.length > room)
                message.warning(t("intake.thread.attachLimit", { count: MESSAGE_FILES_MAX }));
              for (const file of chosen.slice(0, Math.max(room, 0))) void attach(file);
            }}
            icon={<PaperClipOutlined aria-hidden />}
            loading={uploading > 0}
          >
            {uploading > 0 ? t("intake.thread.uploading") : t("intake.thread.attach")}
          </FileButton>
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden />}
            loading={post.isPending}
            disabled={!body.trim() || uploading > 0}
            onClick={() => void send()}
          >
            {t("intake.thread.send")}
          </Button>
        </Flex>
      </div>
    </section>
  );
}

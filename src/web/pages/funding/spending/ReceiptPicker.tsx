/**
 * The receipts of a spending item: take a photo (a phone opens its back camera) or choose an image
 * or PDF; each is uploaded to the grant at once and listed with a remove button.
 */
import { CameraOutlined, DeleteOutlined, PaperClipOutlined } from "@ant-design/icons";
import { App, Button, Flex } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Receipt } from "../../../../schemas/funding/spending";
import { uploadReceipt } from "../../../api/funding/spending";
import { FileButton } from "../../../components/FileButton";
import { errorMessage } from "../../../components/serverErrors";

const RECEIPT_ACCEPT = "image/*,application/pdf";

export function ReceiptPicker({
  grantId,
  value = [],
  onChange,
}: {
  grantId: string;
  value?: Receipt[];
  onChange?: (receipts: Receipt[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const add = async (files: File[]) => {
    setBusy(true);
    let next = value;
    try {
      for (const file of files) {
        const saved = await uploadReceipt(grantId, file);
        next = [...next, { id: saved.id, name: saved.originalName, mime: saved.mime, size: saved.size }];
        onChange?.(next);
        message.success(t("fundingSpending.receiptUploaded", { name: saved.originalName }));
      }
    } catch (error) {
      message.error(`${t("fundingSpending.uploadFailed")}${t("common.colon")}${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <FileButton
          accept={RECEIPT_ACCEPT}
          capture="environment"
          icon={<CameraOutlined aria-hidden />}
          loading={busy}
          onFiles={(f) => void add(f)}
        >
          {t("fundingSpending.takePhoto")}
        </FileButton>
        <FileButton
          accept={RECEIPT_ACCEPT}
          multiple
          icon={<PaperClipOutlined aria-hidden />}
          loading={busy}
          onFiles={(f) => void add(f)}
        >
          {t("fundingSpending.chooseFile")}
        </FileButton>
      </Flex>
      {value.length > 0 && (
        <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 6 }}>
          {value.map((r) => (
            <li key={r.id}>
              <Flex gap={8} align="center">
                {r.mime.startsWith("image/") ? (
                  <img
                    src={`/api/files/${r.id}?inline=1`}
                    alt=""
                    width={48}
                    height={48}
                    style={{ objectFit: "cover", borderRadius: 4, border: "1px solid #d9d9d9" }}
                  />
                ) : (
                  <PaperClipOutlined aria-hidden />
                )}
                <span style={{ flex: 1, overflowWrap: "anywhere" }}>{r.name}</span>
                <Button
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t("fundingSpending.removeReceipt", { name: r.name })}
                  onClick={() => onChange?.(value.filter((x) => x.id !== r.id))}
                />
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

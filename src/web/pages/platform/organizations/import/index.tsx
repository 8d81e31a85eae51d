import { DownloadOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Space, Steps, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ImportResult } from "../../../../../schemas/platform/organizations";
import { isApiError } from "../../../../api/client";
import { downloadImportTemplate, useImportOrganizations } from "../../../../api/platform/organizations";
import { PageHeader } from "../../../../components/PageHeader";
import { errorMessage } from "../../../../components/serverErrors";
import { ImportErrorTable, type RowError, rowErrorsOf } from "./ImportErrorTable";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 批量导入: template → upload → all-or-nothing result with the rows to fix. */
export default function OrganizationImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<{ message: string; rows: RowError[] } | null>(null);
  const mutation = useImportOrganizations();

  const start = async () => {
    if (!file) return;
    setResult(null);
    setFailure(null);
    try {
      setResult(await mutation.mutateAsync(file));
    } catch (error) {
      setFailure({
        message: errorMessage(error),
        rows: isApiError(error) ? rowErrorsOf(error.details) : [],
      });
    }
  };

  const pickFile = (picked: File) => {
    if (!picked.name.toLowerCase().endsWith(".xlsx")) {
      message.error(t("organization.importPage.onlyXlsx"));
      return Upload.LIST_IGNORE;
    }
    setFile(picked);
    setResult(null);
    setFailure(null);
    return false; // keep the file; we post it ourselves on 开始导入
  };

  const step = result ? 2 : file ? 1 : 0;
  return (
    <>
      <PageHeader title={t("organization.importPage.title")} backTo="/organizations" />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t("organization.importPage.step1") },
            { title: t("organization.importPage.step2") },
            { title: t("organization.importPage.start") },
          ]}
        />
        <section aria-labelledby="import-step1" style={{ marginBottom: 24 }}>
          <h2 id="import-step1" className="hatchery-card-title">
            1. {t("organization.importPage.step1")}
          </h2>
          <p>{t("organization.importPage.step1Help")}</p>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            onClick={() =>
              downloadImportTemplate().catch((error: unknown) => message.error(errorMessage(error)))
            }
          >
            {t("organization.importPage.downloadTemplate")}
          </Button>
        </section>
        <section aria-labelledby="import-step2">
          <h2 id="import-step2" className="hatchery-card-title">
            2. {t("organization.importPage.step2")}
          </h2>
          <p>{t("organization.importPage.step2Help")}</p>
          <Upload.Dragger
            accept={`.xlsx,${XLSX_MIME}`}
            multiple={false}
            maxCount={1}
            beforeUpload={pickFile}
            fileList={file ? [{ uid: "file", name: file.name, status: "done", size: file.size }] : []}
            onRemove={() => {
              setFile(null);
              setResult(null);
              setFailure(null);
            }}
            aria-label={t("organization.importPage.choose")}
          >
            <p style={{ fontSize: 36, color: "#0958d9", margin: 0 }}>
              <InboxOutlined aria-hidden />
            </p>
            <p>{t("organization.importPage.dragHint")}</p>
          </Upload.Dragger>
          <Space style={{ marginTop: 16 }}>
            <Button
              type="primary"
              icon={<UploadOutlined aria-hidden />}
              disabled={!file}
              loading={mutation.isPending}
              onClick={() => void start()}
            >
              {t("organization.importPage.start")}
            </Button>
          </Space>
        </section>
        <div aria-live="polite" style={{ marginTop: 24 }}>
          {result && (
            <Alert
              type="success"
              showIcon
              title={t("organization.importPage.success", { count: result.imported })}
              action={
                <Button size="small" onClick={() => navigate("/organizations")}>
                  {t("organization.importPage.backToList")}
                </Button>
              }
            />
          )}
          {failure && (
            <Space orientation="vertical" style={{ width: "100%" }} size={16}>
              <Alert type="error" showIcon title={failure.message} />
              {failure.rows.length > 0 && <ImportErrorTable rows={failure.rows} />}
            </Space>
          )}
          {result && result.errors.length > 0 && <ImportErrorTable rows={result.errors} />}
        </div>
      </Card>
    </>
  );
}

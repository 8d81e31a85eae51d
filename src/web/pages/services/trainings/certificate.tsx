/** 结业证书: the talent programme's certificate, on screen and on A4 (print stylesheet). */
import { PrinterOutlined } from "@ant-design/icons";
import { Button, Card } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useCertificate } from "../../../api/services/trainings";
import { useAccess } from "../../../auth/session";
import { formatDate } from "../../../components/format";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import styles from "./certificate.module.css";

export default function CertificatePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const cert = useCertificate(id);
  const access = useAccess();
  if (cert.isError) return <QueryError error={cert.error} onRetry={() => void cert.refetch()} />;
  const c = cert.data;
  if (!c) return <Card loading />;
  const hours = Math.round((c.minutes / 60) * 10) / 10;
  return (
    <>
      <div className={styles.screenOnly}>
        <PageHeader
          title={t("trainings.certificate")}
          // Staff come from the series' progress; a participant from their trainings.
          backTo={access.trainingManage ? `/trainings/series/${c.seriesId}` : "/trainings"}
          extra={
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
              {t("trainings.print")}
            </Button>
          }
        />
      </div>
      <article className={styles.certificate}>
        <p className={styles.number}>{t("trainings.certificateNumber", { number: c.number })}</p>
        <h1 className={styles.title}>{t("trainings.certificateTitle")}</h1>
        <p className={styles.body}>
          {t("trainings.certificateBody", {
            name: c.personName,
            base: c.baseName,
            series: c.seriesTitle,
            hours,
          })}
        </p>
        <h2 className={styles.modulesTitle}>{t("trainings.certificateModules")}</h2>
        <ol className={styles.modules}>
          {c.modules.map((m) => (
            <li key={`${m.topic}-${m.startsAt}`}>
              {m.topic}（{formatDate(m.startsAt)}，{Math.round((m.minutes / 60) * 10) / 10} 学时）
            </li>
          ))}
        </ol>
        <footer className={styles.footer}>
          <p>{c.baseName}</p>
          <p>{formatDate(c.issuedAt)}</p>
        </footer>
      </article>
    </>
  );
}

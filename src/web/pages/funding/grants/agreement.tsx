/**
 * 资助协议: the agreement generated from a grant, on screen and on A4 (print stylesheet): the
 * parties, the project, the amount in figures and in capital numerals (大写), the budget, the
 * tranche schedule with its conditions, the reporting duties and the signatures.
 */
import { PrinterOutlined } from "@ant-design/icons";
import { Button, Card } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { formatFen } from "../../../../domain/funding/money";
import { chineseCapitalAmount } from "../../../../domain/funding/numerals";
import { useGrant } from "../../../api/funding/grants";
import { formatDate } from "../../../components/format";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import styles from "./agreement.module.css";

export default function GrantAgreementPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const grant = useGrant(id);
  if (grant.isError) return <QueryError error={grant.error} onRetry={() => void grant.refetch()} />;
  const g = grant.data;
  if (!g) return <Card loading aria-busy />;
  const d = (key: string, params?: Record<string, unknown>) =>
    t(`grants.agreementDoc.${key}` as "grants.agreementDoc.title", params);
  const milestone = (mid: string | null) => g.milestones.find((m) => m.id === mid);
  return (
    <>
      <div className={styles.screenOnly}>
        <PageHeader
          title={d("title")}
          subTitle={g.number}
          backTo={`/funding/grants/${g.id}`}
          extra={
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
              {d("print")}
            </Button>
          }
        />
      </div>
      <article className={styles.sheet}>
        <p className={styles.number}>
          {t("grants.number")}
          {t("common.colon")}
          {g.number}
        </p>
        <h1 className={styles.title}>{d("title")}</h1>
        <div className={styles.parties}>
          <p>
            {d("partyA")}
            {t("common.colon")}
            {g.baseName}
            {g.partnerName ? ` / ${g.partnerName}` : ""}
          </p>
          <p>
            {d("partyB")}
            {t("common.colon")}
            {g.organization.name}
          </p>
        </div>
        <h2>{d("article1")}</h2>
        <p>
          {t("grants.project")}
          {t("common.colon")}
          {g.project.title}
          {t("common.listSeparator")}
          {d("period", { from: formatDate(g.startsOn), to: formatDate(g.endsOn) })}
        </p>
        <h2>{d("article2")}</h2>
        <p>
          {d("amountLine", {
            words: chineseCapitalAmount(g.amountFen),
            figures: formatFen(g.amountFen),
            fund: `${g.fund.name}（${t(`grants.fundKind.${g.fund.kind}`)}）`,
          })}
        </p>
        <h2>{d("article3")}</h2>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("grants.budget")}</th>
              <th scope="col">{t("grants.description")}</th>
              <th scope="col" className={styles.money}>
                {t("grants.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {g.budgetLines.map((l) => (
              <tr key={l.id}>
                <td>{t(`grants.category.${l.category}`)}</td>
                <td>{l.description}</td>
                <td className={styles.money}>{formatFen(l.amountFen)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={2}>
                {t("grants.total")}
              </th>
              <td className={styles.money}>{formatFen(g.amountFen)}</td>
            </tr>
          </tbody>
        </table>
        <h2>{d("article4")}</h2>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("grants.tranches")}</th>
              <th scope="col" className={styles.money}>
                {t("grants.amount")}
              </th>
              <th scope="col">{t("grants.condition_")}</th>
              <th scope="col">{t("grants.plannedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {g.tranches.map((tr) => (
              <tr key={tr.id}>
                <td>{t("grants.seq", { seq: tr.seq })}</td>
                <td className={styles.money}>{formatFen(tr.amountFen)}</td>
                <td>
                  {t(`grants.condition.${tr.condition}`)}
                  {milestone(tr.milestoneId)
                    ? d("milestoneRef", { title: milestone(tr.milestoneId)?.title })
                    : ""}
                </td>
                <td>{tr.plannedOn ? formatDate(tr.plannedOn) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{d("article5")}</h2>
        <p>{d("duties")}</p>
        {g.milestones.length > 0 && (
          <ul>
            {g.milestones.map((m) => (
              <li key={m.id}>
                {m.title}（{t("grants.dueOn")} {formatDate(m.dueOn)}）
              </li>
            ))}
          </ul>
        )}
        <h2>{d("article6")}</h2>
        <p>{d("other")}</p>
        <div className={styles.signatures}>
          <div>
            <p>
              {d("signA")}
              {g.baseName}
            </p>
            <p>{d("representative")}</p>
            <p>{d("date")}</p>
          </div>
          <div>
            <p>
              {d("signB")}
              {g.organization.name}
            </p>
            <p>{d("representative")}</p>
            <p>{d("date")}</p>
          </div>
        </div>
      </article>
    </>
  );
}

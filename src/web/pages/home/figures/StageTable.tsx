import { useTranslation } from "react-i18next";

export interface StageRow {
  key: string;
  label: string;
  total: number;
  submitted: number;
  accepted: number;
}

/** Applications of each group (a track, a town): applied, submitted, accepted for screening. */
export function StageTable({
  caption,
  labelColumn,
  rows,
}: {
  caption: string;
  labelColumn: string;
  rows: StageRow[];
}) {
  const { t } = useTranslation();
  return (
    <table className="hatchery-figure-table">
      <caption className="hatchery-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelColumn}</th>
          <th scope="col" className="number">
            {t("homes.figures.totalColumn")}
          </th>
          <th scope="col" className="number">
            {t("homes.figures.submittedColumn")}
          </th>
          <th scope="col" className="number">
            {t("homes.figures.acceptedColumn")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="number">{row.total}</td>
            <td className="number">{row.submitted}</td>
            <td className="number">{row.accepted}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

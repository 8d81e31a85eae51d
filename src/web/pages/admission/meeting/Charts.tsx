/**
 * The meeting's charts, per criterion (the mean score of each, as a share of its scale) and per
 * expert (their mean total and their deviation from the panel). ECharts loads only here, when the
 * charts are opened: no other page downloads it.
 */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { RankingPage } from "../../../../schemas/admission/ranking";

export default function Charts({ track }: { track: NonNullable<RankingPage["track"]> }) {
  const { t, i18n } = useTranslation();
  const criteriaRef = useRef<HTMLDivElement>(null);
  const expertsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let disposed = false;
    const charts: { dispose(): void; resize(): void }[] = [];
    void import("echarts").then((echarts) => {
      if (disposed || !criteriaRef.current || !expertsRef.current) return;
      const en = i18n.language === "en";
      // Each criterion's mean over the whole track, computed by the server (the table holds a page).
      const criteria = track.criteria.map((c) => {
        const mean = track.criterionMeans[c.key] ?? c.min;
        return {
          name: en ? c.nameEn : c.nameZh,
          share: Math.round(((mean - c.min) / (c.max - c.min)) * 1000) / 10,
        };
      });
      const byCriterion = echarts.init(criteriaRef.current, undefined, { renderer: "svg" });
      byCriterion.setOption({
        aria: { enabled: true },
        title: { text: t("admission.meeting.chartCriteria"), textStyle: { fontSize: 14 } },
        tooltip: {},
        grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
        xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
        yAxis: { type: "category", data: criteria.map((c) => c.name) },
        series: [{ type: "bar", data: criteria.map((c) => c.share), itemStyle: { color: "#1677ff" } }],
      });
      const byExpert = echarts.init(expertsRef.current, undefined, { renderer: "svg" });
      byExpert.setOption({
        aria: { enabled: true },
        title: { text: t("admission.meeting.chartExperts"), textStyle: { fontSize: 14 } },
        tooltip: { trigger: "axis" },
        legend: { top: 32 },
        grid: { left: 8, right: 16, bottom: 8, top: 68, containLabel: true },
        xAxis: {
          type: "category",
          data: track.experts.map((e) => e.expertName),
          axisLabel: { interval: 0, rotate: 30 },
        },
        yAxis: { type: "value" },
        series: [
          {
            name: t("admission.meeting.total"),
            type: "bar",
            data: track.experts.map((e) => Math.round(e.mean * 10) / 10),
          },
          {
            name: t("admission.meeting.expertDeviation"),
            type: "bar",
            data: track.experts.map((e) => ({
              value: e.deviation === null ? 0 : Math.round(e.deviation * 10) / 10,
              itemStyle: { color: e.flagged ? "#cf1322" : "#faad14" },
            })),
          },
        ],
      });
      charts.push(byCriterion, byExpert);
    });
    const resize = () => {
      for (const c of charts) c.resize();
    };
    window.addEventListener("resize", resize);
    return () => {
      disposed = true;
      window.removeEventListener("resize", resize);
      for (const c of charts) c.dispose();
    };
  }, [track, t, i18n.language]);

  return (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(280px, 1fr))", gap: 16 }}>
      <div ref={criteriaRef} style={{ height: 260 }} />
      <div ref={expertsRef} style={{ height: 260 }} />
    </div>
  );
}

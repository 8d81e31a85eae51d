/**
 * Services by 4Z category and month, as stacked bars drawn by ECharts (bar series, grid, legend,
 * SVG renderer only; loaded lazily so only those who open the figures fetch it). Hidden from
 * screen readers: the table beside it holds the same numbers.
 */
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { ServiceCategory } from "../../../../domain/services/categories";

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export const CATEGORY_COLORS: Record<ServiceCategory, string> = {
  information: "#1677ff",
  consulting: "#13a8a8",
  capital: "#d48806",
  resources: "#722ed1",
};

export interface ChartSeries {
  category: ServiceCategory;
  name: string;
  values: number[];
}

export default function CategoryMonthChart({ months, series }: { months: string[]; series: ChartSeries[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = init(box.current, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: months.map((m) => m.slice(2).replace("-", "/")) },
      yAxis: { type: "value", minInterval: 1 },
      series: series.map((s) => ({
        type: "bar",
        stack: "all",
        name: s.name,
        data: s.values,
        itemStyle: { color: CATEGORY_COLORS[s.category] },
        barMaxWidth: 28,
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [months, series]);
  return <div ref={box} aria-hidden="true" style={{ width: "100%", height: 280 }} />;
}

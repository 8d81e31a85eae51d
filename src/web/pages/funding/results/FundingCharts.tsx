/**
 * The funding charts, drawn by ECharts on a canvas (line and bar series; loaded lazily so only
 * those who open results or figures fetch it): an indicator's values over time with its target as
 * a dashed line, and grouped bars of money in yuan. Hidden from screen readers: a table beside
 * each holds the same numbers.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { type EChartsCoreOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function Chart({ option, height, label }: { option: EChartsCoreOption; height: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = init(box.current, undefined, { renderer: "canvas" });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={box} aria-hidden="true" data-chart={label} style={{ width: "100%", height }} />;
}

export interface IndicatorChartProps {
  points: { on: string; value: number }[];
  target: number;
  names: { value: string; target: string };
  unit: string;
}

/** One indicator: its series as a line, its target as a dashed line across the same days. */
export function IndicatorChart({ points, target, names, unit }: IndicatorChartProps) {
  const days = points.map((p) => p.on);
  const option: EChartsCoreOption = {
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: days.map((d) => d.slice(2).replaceAll("-", "/")), boundaryGap: false },
    yAxis: { type: "value", name: unit, min: 0 },
    series: [
      {
        type: "line",
        name: names.value,
        data: points.map((p) => p.value),
        symbolSize: 8,
        itemStyle: { color: "#1677ff" },
      },
      {
        type: "line",
        name: names.target,
        data: days.map(() => target),
        symbol: "none",
        lineStyle: { type: "dashed", color: "#d4380d" },
        itemStyle: { color: "#d4380d" },
      },
    ],
  };
  return <Chart option={option} height={220} label="indicator" />;
}

export interface MoneyBarsProps {
  categories: string[];
  series: { name: string; fen: number[]; color: string }[];
}

/** Grouped bars of money, shown in yuan (fen ÷ 100 for the drawing only). */
export function MoneyBars({ categories, series }: MoneyBarsProps) {
  const option: EChartsCoreOption = {
    animation: false,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: categories,
      axisLabel: { interval: 0, width: 110, overflow: "truncate" },
    },
    yAxis: { type: "value", name: "元" },
    series: series.map((s) => ({
      type: "bar",
      name: s.name,
      data: s.fen.map((f) => f / 100),
      itemStyle: { color: s.color },
      barMaxWidth: 28,
    })),
  };
  return <Chart option={option} height={280} label="money" />;
}

/**
 * The recruitment funnel drawn by ECharts. Only the funnel series and the SVG renderer are
 * imported from echarts/core, and this module is loaded lazily by the figures home, so the chart
 * code is a chunk of its own that only viewers' and liaisons' browsers fetch. The chart is
 * hidden from screen readers: the data table next to it says the same.
 */
import { FunnelChart as EChartsFunnel } from "echarts/charts";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { FUNNEL_COLORS, type FunnelStageKey } from "./stages";

use([EChartsFunnel, SVGRenderer]);

export interface FunnelStage {
  key: FunnelStageKey;
  name: string;
  value: number;
}

export default function FunnelChart({ stages }: { stages: FunnelStage[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = init(box.current, undefined, { renderer: "svg" });
    const max = Math.max(1, ...stages.map((s) => s.value));
    chart.setOption({
      animation: false,
      series: [
        {
          type: "funnel",
          sort: "none", // the stages' own order, even when a later one is not smaller
          min: 0,
          max,
          minSize: "18%",
          left: "4%",
          right: "4%",
          top: 8,
          bottom: 8,
          gap: 4,
          label: {
            show: true,
            position: "inside",
            // Counts only: the stage names are in the table beside, keyed by the same colours,
            // and would not fit the narrow end of the funnel on a phone.
            formatter: "{c}",
            color: "#fff",
            fontSize: 14,
            fontWeight: 600,
          },
          itemStyle: { borderWidth: 0 },
          emphasis: { disabled: true },
          data: stages.map((s) => ({
            name: s.name,
            value: s.value,
            itemStyle: { color: FUNNEL_COLORS[s.key] },
          })),
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [stages]);
  return <div ref={box} aria-hidden="true" style={{ width: "100%", height: 220 }} />;
}

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only the pieces these charts use, so the bundle carries no unused chart types.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

/** A colour of the stylesheet (e.g. `--accent`), as the current colour scheme sets it. */
export const cssColor = (name: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#56606e';

export interface Series {
  label: string;
  data: (number | null)[];
  color: string;
  /** A second line is dashed as well as coloured, so colour is not the only difference. */
  dashed?: boolean;
}

interface Props {
  kind: 'line' | 'bar';
  labels: string[];
  series: Series[];
  /** Values are percentages ("%" on the axis). */
  percent?: boolean;
  /** The axis runs to 100 (rates that are compared with each other, like FCR). */
  fullScale?: boolean;
  /** What the chart shows, in words: the canvas's accessible name. */
  description: string;
  /** A point or bar was clicked: its index in `labels`. */
  onPick?: (index: number) => void;
}

function config(
  p: Props,
  pick: (index: number) => void,
): ChartConfiguration<'line' | 'bar', (number | null)[], string> {
  const unit = p.percent ? ' %' : '';
  return {
    type: p.kind,
    data: {
      labels: p.labels,
      datasets: p.series.map((s) => ({
        label: s.label,
        data: s.data,
        borderColor: s.color,
        backgroundColor: s.color,
        borderDash: s.dashed ? [6, 4] : [],
        borderWidth: 2,
        pointRadius: p.labels.length > 40 ? 0 : 2,
        pointHoverRadius: 4,
        tension: 0.2,
        spanGaps: false, // no value (nothing to divide by) is a gap, never a zero
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { autoSkip: true, maxRotation: 0 } },
        y: {
          beginAtZero: true,
          ...(p.fullScale && { max: 100 }),
          ticks: { callback: (v) => `${v}${unit}` },
        },
      },
      plugins: {
        legend: { display: p.series.length > 1, labels: { boxHeight: 2 } },
        tooltip: {
          callbacks: {
            label: (c) => `${c.dataset.label}: ${c.parsed.y === null ? '—' : c.parsed.y}${unit}`,
          },
        },
      },
      onClick: (_e, elements) => {
        const first = elements[0];
        if (first) pick(first.index);
      },
      onHover: (e, elements) => {
        const target = e.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = elements.length && p.onPick ? 'pointer' : 'default';
      },
    },
  };
}

/** A chart.js chart on a canvas; its words (description, data table) are the caller's. */
export function TrendChart(props: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const latest = useRef(props);
  latest.current = props;
  // the data decides when to redraw; callbacks are read through `latest`
  const key = JSON.stringify([
    props.kind,
    props.labels,
    props.series,
    props.percent,
    props.fullScale,
  ]);

  useEffect(() => {
    if (!canvas.current) return;
    // axis text and grid follow the page's colours (light or dark), read when drawn
    Chart.defaults.color = cssColor('--muted');
    Chart.defaults.borderColor = cssColor('--border');
    const chart = new Chart(
      canvas.current,
      config(props, (index) => latest.current.onPick?.(index)),
    );
    return () => chart.destroy();
  }, [key]);

  return (
    // chart.js sizes the canvas to this box (responsive, no fixed aspect ratio)
    <div class="dashboard-chart-box" style={{ position: 'relative', height: '13rem' }}>
      <canvas ref={canvas} role="img" aria-label={props.description} />
    </div>
  );
}

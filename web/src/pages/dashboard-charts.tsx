// The dashboard's charts, loaded with a dynamic import() so only the dashboard pays for uPlot.
// Each chart is a figure: the canvas (role=img with a one-sentence summary), a legend that
// does not rely on colour alone (solid vs hatched bars, solid vs dashed lines) and the numbers
// as a table under a disclosure. It follows its container's width (ResizeObserver).
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
  // bars: solid or hatched; lines: solid or dashed
  pattern?: 'solid' | 'hatched' | 'dashed';
}

export interface ChartSpec {
  kind: 'bars' | 'lines';
  labels: string[]; // one per x position
  xTitle: string; // "Quarter", "Month"
  series: ChartSeries[];
}

const HEIGHT = 240;

function hatch(ctx: CanvasRenderingContext2D, color: string): CanvasPattern | string {
  const c = document.createElement('canvas');
  c.width = c.height = 8;
  const g = c.getContext('2d');
  if (!g) return color;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = color;
  g.lineWidth = 2.5;
  g.beginPath();
  g.moveTo(-2, 10);
  g.lineTo(10, -2);
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return ctx.createPattern(c, 'repeat') || color;
}

function options(spec: ChartSpec, width: number): uPlot.Options {
  const n = spec.labels.length;
  const xs = spec.labels.map((_, i) => i);
  const bars = spec.kind === 'bars';
  const k = spec.series.length;
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: () => [-0.6, n - 0.4] },
      y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.15))] },
    },
    axes: [
      {
        stroke: '#4f5b69',
        grid: { show: false },
        splits: (u) => {
          // Label every position while there is room, else every 2nd, 3rd…
          const step = Math.max(1, Math.ceil((n * 58) / Math.max(u.bbox.width / devicePixelRatio, 1)));
          return xs.filter((i) => (n - 1 - i) % step === 0);
        },
        values: (_u, splits) => splits.map((i) => spec.labels[i] ?? ''),
      },
      {
        stroke: '#4f5b69',
        grid: { stroke: '#e3e8ee' },
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
        values: (_u, splits) => splits.map((v) => String(Math.round(v))),
        size: 40,
      },
    ],
    series: [
      {},
      ...spec.series.map((s, i) => {
        if (bars) {
          const size = Math.min(0.8 / k, 0.4);
          return {
            label: s.label,
            stroke: s.color,
            width: 1,
            fill: s.pattern === 'hatched' ? (u: uPlot) => hatch(u.ctx, s.color) : s.color,
            points: { show: false },
            // Side by side: the first series left of the tick, the second right of it.
            paths: uPlot.paths.bars!({ size: [size, 48], align: k === 2 ? (i === 0 ? -1 : 1) : 0, gap: 2 }),
          } as uPlot.Series;
        }
        return {
          label: s.label,
          stroke: s.color,
          width: 2.5,
          dash: s.pattern === 'dashed' ? [8, 5] : undefined,
          points: { show: true, size: 7, fill: s.pattern === 'dashed' ? '#ffffff' : s.color, stroke: s.color },
        } as uPlot.Series;
      }),
    ],
  };
}

export function Chart(props: { spec: ChartSpec; summary: string; caption: string }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const { spec } = props;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [spec.labels.map((_, i) => i), ...spec.series.map((s) => s.values)];
    const u = new uPlot(options(spec, Math.max(el.clientWidth, 200)), data, el);
    plot.current = u;
    const ro = new ResizeObserver(() => {
      const w = Math.max(el.clientWidth, 200);
      if (Math.abs(w - u.width) > 1) u.setSize({ width: w, height: HEIGHT });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [spec]);

  return (
    <figure class="dash-chart">
      <div class="dash-chart-canvas" ref={box} role="img" aria-label={props.summary} />
      <ul class="legend dash-legend" aria-label="Legend">
        {spec.series.map((s) => (
          <li>
            <span
              class={`swatch swatch-${spec.kind === 'bars' ? (s.pattern === 'hatched' ? 'hatched' : 'solid') : s.pattern === 'dashed' ? 'dashed' : 'line'}`}
              style={{ color: s.color }}
              aria-hidden="true"
            />
            {s.label}
            {spec.kind === 'bars'
              ? s.pattern === 'hatched'
                ? ' (hatched)'
                : ' (solid)'
              : s.pattern === 'dashed'
                ? ' (dashed line)'
                : ' (solid line)'}
          </li>
        ))}
      </ul>
      <figcaption>
        <details>
          <summary>{props.caption}: the numbers</summary>
          <div class="table-wrap" tabIndex={0} role="group" aria-label={`${props.caption}: the numbers`}>
            <table class="dash-numbers">
              <thead>
                <tr>
                  <th scope="col">{spec.xTitle}</th>
                  {spec.series.map((s) => (
                    <th scope="col">{s.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {spec.labels.map((l, i) => (
                  <tr>
                    <th scope="row">{l}</th>
                    {spec.series.map((s) => (
                      <td>{s.values[i] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}

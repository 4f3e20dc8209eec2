// Records written per minute over time, as an SVG line with a text summary beside it (which a
// screen reader reads instead of the drawing). The loader's samples, one per batch written, are
// joined by the live totals the progress stream brings, so the line grows while the page is open.
import { BlockStack, Card, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import type { ProgressSnapshot, WrittenSample } from '../../migrations/views.ts';
import { useFormatter } from '../layout/format.ts';
import { type WrittenPoint, summarize, writesPerMinute } from './throughput.ts';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 12, bottom: 24, left: 48 };

export function ThroughputChart({ samples, snapshot }: { samples: WrittenSample[]; snapshot: ProgressSnapshot }) {
  const format = useFormatter();
  const [live, setLive] = useState<WrittenPoint[]>([]);
  const written = snapshot.entities.reduce((sum, entity) => sum + entity.written, 0);
  useEffect(() => {
    if (snapshot.status !== 'running') return;
    setLive((current) => [...current.slice(-500), { at: Date.parse(snapshot.at), written }]);
  }, [snapshot.at, snapshot.status, written]);

  const points: WrittenPoint[] = [
    ...samples.map((sample) => ({ at: Date.parse(sample.at), written: sample.written })),
    ...live,
  ];
  const rates = writesPerMinute(points);
  const summary = summarize(rates, points);
  const time = (ms: number) => new Date(ms).toISOString();

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd" id="throughput-heading">
          Records written per minute
        </Text>
        {summary && rates.length > 0 ? (
          <>
            <Text as="p" id="throughput-summary">
              {snapshot.status === 'running'
                ? `Now about ${format.number(Math.round(summary.latest))} a minute`
                : `Last minute: ${format.number(Math.round(summary.latest))}`}
              {` · peak ${format.number(Math.round(summary.peak))} a minute · on average ${format.number(Math.round(summary.average))} a minute over ${format.duration(summary.minutes * 60)}`}
            </Text>
            <Chart rates={rates} label={(ms) => format.dateTime(time(ms))} number={format.number} />
          </>
        ) : (
          <Text as="p" tone="subdued">
            The rate shows here once Shipyard has written for a minute.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

function Chart({
  rates,
  label,
  number,
}: {
  rates: { at: number; perMinute: number }[];
  label: (ms: number) => string;
  number: (value: number) => string;
}) {
  const first = rates[0]?.at ?? 0;
  const last = rates.at(-1)?.at ?? first;
  const top = Math.max(1, ...rates.map((rate) => rate.perMinute));
  const x = (at: number) =>
    PAD.left +
    (last > first
      ? ((at - first) / (last - first)) * (WIDTH - PAD.left - PAD.right)
      : (WIDTH - PAD.left - PAD.right) / 2);
  const y = (value: number) => PAD.top + (1 - value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const line = rates.map((rate) => `${x(rate.at).toFixed(1)},${y(rate.perMinute).toFixed(1)}`).join(' ');
  const base = y(0).toFixed(1);
  return (
    // The summary above says in words what the drawing shows; the drawing itself is one image.
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-labelledby="throughput-heading"
      aria-describedby="throughput-summary"
      style={{ maxHeight: 220 }}
    >
      <line x1={PAD.left} y1={base} x2={WIDTH - PAD.right} y2={base} stroke="var(--p-color-border)" />
      <line
        x1={PAD.left}
        y1={PAD.top}
        x2={WIDTH - PAD.right}
        y2={PAD.top}
        stroke="var(--p-color-border-secondary)"
        strokeDasharray="4 4"
      />
      <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="var(--p-color-text-secondary)">
        {number(Math.round(top))}
      </text>
      <text x={PAD.left - 6} y={Number(base) + 4} textAnchor="end" fontSize="11" fill="var(--p-color-text-secondary)">
        0
      </text>
      <text x={PAD.left} y={HEIGHT - 6} fontSize="11" fill="var(--p-color-text-secondary)">
        {label(first)}
      </text>
      <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" fontSize="11" fill="var(--p-color-text-secondary)">
        {label(last)}
      </text>
      {rates.length > 1 ? (
        <polygon
          points={`${x(first).toFixed(1)},${base} ${line} ${x(last).toFixed(1)},${base}`}
          fill="var(--p-color-bg-fill-info-secondary)"
          opacity="0.6"
        />
      ) : null}
      <polyline points={line} fill="none" stroke="var(--p-color-bg-fill-info)" strokeWidth="2" />
      {rates.map((rate) => (
        <circle key={rate.at} cx={x(rate.at)} cy={y(rate.perMinute)} r="2.5" fill="var(--p-color-bg-fill-info)" />
      ))}
    </svg>
  );
}

// Numbers, durations and dates in the shop's locale and time zone (from the /app layout's loader).
import { useAppLayout } from './layout-data.ts';

export interface Formatter {
  number: (value: number) => string;
  percent: (fraction: number) => string;
  duration: (seconds: number) => string;
  dateTime: (iso: string) => string;
}

export function formatter(locale: string, timeZone: string): Formatter {
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long', maximumFractionDigits: 0 }).format(
      value,
    );
  return {
    number: (value) => numbers.format(value),
    percent: (fraction) => percents.format(fraction),
    duration: (seconds) => {
      if (seconds < 90) return unit(Math.max(1, Math.round(seconds)), 'second');
      if (seconds < 90 * 60) return unit(Math.round(seconds / 60), 'minute');
      if (seconds < 36 * 3600) return unit(Math.round(seconds / 3600), 'hour');
      return unit(Math.round(seconds / 86400), 'day');
    },
    dateTime: (iso) => dates.format(new Date(iso)),
  };
}

export function useFormatter(): Formatter {
  const layout = useAppLayout();
  return formatter(layout?.locale ?? 'en', layout?.timeZone ?? 'UTC');
}

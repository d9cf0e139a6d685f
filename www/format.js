// How figures read on screen: 7.7亿元 rather than 770000000 元. The exact
// value stays in the data (tooltips, CSV, JSON); this is for people.
import { getLang, t } from './i18n.js';

/** No binary-float noise (0.1 + 0.2), no more than four decimals. */
export function plain(x, digits = 4) {
  if (!Number.isFinite(x)) return String(x);
  const rounded = Number(x.toPrecision(12));
  return rounded.toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', {
    maximumFractionDigits: digits,
    useGrouping: Math.abs(rounded) >= 1e5,
  });
}

const SCALES_ZH = [
  [1e8, '亿'],
  [1e4, '万'],
];
const UNIT_EN = { 元: 'yuan', 美元: 'USD', 百分点: 'pp' };

/** A number in its unit, scaled the way the article would write it. */
export function amount(x, unit) {
  if (unit === '%') return `${plain(x)}%`;
  if (getLang() === 'zh') {
    const sign = x < 0 ? '-' : '';
    const abs = Math.abs(x);
    const tight = unit === '百分点' ? `个${unit}` : unit;
    for (const [size, name] of SCALES_ZH) {
      if (abs >= size && unit !== '%' && unit !== '倍' && unit !== '番' && unit !== '百分点') {
        return `${sign}${plain(abs / size)}${name}${unit}`;
      }
    }
    return `${sign}${plain(abs)}${tight}`;
  }
  const n =
    Math.abs(x) >= 1e5
      ? x.toLocaleString('en', { notation: 'compact', maximumFractionDigits: 2 })
      : plain(x);
  return `${n} ${UNIT_EN[unit] ?? unit}`;
}

/** The value cell: `8%`, `6–7%`, `7.7亿元`. */
export function valueText(target) {
  if (target.comparator === 'range' && target.valueHigh !== null && target.valueHigh !== undefined) {
    const high = amount(target.valueHigh, target.unit);
    if (target.unit === '%') return `${plain(target.value)}–${high}`;
    return `${amount(target.value, target.unit)} – ${high}`;
  }
  return amount(target.value, target.unit);
}

export const COMPARATOR_SYMBOL = { '=': '', '>=': '≥', '>': '>', '~': '≈', '<=': '≤', '<': '<', range: '–' };

export function comparatorText(c) {
  return t(c === '=' ? 'cmp_eq' : `cmp_${c}`);
}

export function statusText(s) {
  return t(`status_${s}`);
}

/** 1.2 MB, 340 KB. */
export function bytes(n) {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function seconds(ms) {
  return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}

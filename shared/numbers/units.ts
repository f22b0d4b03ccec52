/**
 * Units written around a figure: currency signs and codes before it ("$", "US$", "€", "USD "),
 * unit words and symbols after it ("%", "per cent", "kg", "kilogrammes", "km/h", "°C", "days",
 * "-month"). Each maps to a canonical unit and a factor to it (1.5 tonnes → 1,500 kg).
 */

export type ClaimKind = 'count' | 'percent' | 'money' | 'measure' | 'age' | 'temperature' | 'duration';

export interface UnitReading {
  /** Canonical unit ('kg', 'percent', 'USD', 'days', …). */
  unit: string;
  kind: ClaimKind;
  /** Multiply the figure by this to get the canonical value (an offset is applied for °F). */
  factor: number;
  /** Offset added after the factor (°F → °C). */
  offset?: number;
  /** Offset just past the unit's surface. */
  end: number;
  /** The unit reads as a currency word ("dollars"), for scale handling. */
  money?: boolean;
}

interface UnitEntry { unit: string; kind: ClaimKind; factor: number; offset?: number }

const u = (unit: string, kind: ClaimKind, factor = 1, offset?: number): UnitEntry => ({ unit, kind, factor, offset });

/**
 * Unit surfaces after a figure. Matched case-insensitively unless listed in CASE_SENSITIVE.
 * Order does not matter: the matcher tries the longest alternative first.
 */
const UNIT_TABLE: ReadonlyArray<readonly [string, UnitEntry]> = [
  // percent and points
  ['%', u('percent', 'percent')], ['percent', u('percent', 'percent')], ['per cent', u('percent', 'percent')],
  ['pc', u('percent', 'percent')], ['pct', u('percent', 'percent')],
  ['percentage points', u('percentage-points', 'percent')], ['percentage point', u('percentage-points', 'percent')],
  ['pp', u('percentage-points', 'percent')], ['points', u('points', 'count')],
  // money words
  ['u.s. dollars', u('USD', 'money')], ['us dollars', u('USD', 'money')], ['american dollars', u('USD', 'money')],
  ['dollars', u('USD', 'money')], ['dollar', u('USD', 'money')], ['usd', u('USD', 'money')],
  ['euros', u('EUR', 'money')], ['euro', u('EUR', 'money')], ['eur', u('EUR', 'money')],
  ['pounds sterling', u('GBP', 'money')], ['gbp', u('GBP', 'money')], ['yen', u('JPY', 'money')], ['jpy', u('JPY', 'money')],
  ['riel', u('KHR', 'money')], ['riels', u('KHR', 'money')], ['khr', u('KHR', 'money')],
  ['baht', u('THB', 'money')], ['thb', u('THB', 'money')], ['yuan', u('CNY', 'money')], ['cny', u('CNY', 'money')],
  ['rupees', u('INR', 'money')], ['inr', u('INR', 'money')], ['dong', u('VND', 'money')], ['vnd', u('VND', 'money')],
  ['ringgit', u('MYR', 'money')], ['pesos', u('PHP', 'money')],
  // minor units: "12 cents" (dollar cents unless a currency says otherwise), "50 pence", "50p"
  ['cents', u('USD', 'money', 0.01)], ['cent', u('USD', 'money', 0.01)], ['pence', u('GBP', 'money', 0.01)],
  ['p', u('GBP', 'money', 0.01)],
  // mass
  ['kg', u('kg', 'measure')], ['kgs', u('kg', 'measure')], ['kilogrammes', u('kg', 'measure')], ['kilogramme', u('kg', 'measure')],
  ['kilograms', u('kg', 'measure')], ['kilogram', u('kg', 'measure')], ['kilos', u('kg', 'measure')], ['kilo', u('kg', 'measure')],
  ['g', u('kg', 'measure', 1e-3)], ['grammes', u('kg', 'measure', 1e-3)], ['gramme', u('kg', 'measure', 1e-3)],
  ['grams', u('kg', 'measure', 1e-3)], ['gram', u('kg', 'measure', 1e-3)], ['mg', u('kg', 'measure', 1e-6)],
  ['milligrams', u('kg', 'measure', 1e-6)], ['milligrammes', u('kg', 'measure', 1e-6)],
  ['tonnes', u('kg', 'measure', 1e3)], ['tonne', u('kg', 'measure', 1e3)], ['tons', u('kg', 'measure', 1e3)],
  ['ton', u('kg', 'measure', 1e3)], ['metric tons', u('kg', 'measure', 1e3)], ['metric tonnes', u('kg', 'measure', 1e3)],
  ['lbs', u('kg', 'measure', 0.45359237)], ['lb', u('kg', 'measure', 0.45359237)],
  // length
  ['km', u('m', 'measure', 1e3)], ['kilometres', u('m', 'measure', 1e3)], ['kilometre', u('m', 'measure', 1e3)],
  ['kilometers', u('m', 'measure', 1e3)], ['kilometer', u('m', 'measure', 1e3)], ['m', u('m', 'measure')],
  ['metres', u('m', 'measure')], ['metre', u('m', 'measure')], ['meters', u('m', 'measure')], ['meter', u('m', 'measure')],
  ['cm', u('m', 'measure', 1e-2)], ['centimetres', u('m', 'measure', 1e-2)], ['centimeters', u('m', 'measure', 1e-2)],
  ['mm', u('m', 'measure', 1e-3)], ['millimetres', u('m', 'measure', 1e-3)], ['millimeters', u('m', 'measure', 1e-3)],
  ['miles', u('m', 'measure', 1609.344)], ['mile', u('m', 'measure', 1609.344)], ['feet', u('m', 'measure', 0.3048)],
  ['foot', u('m', 'measure', 0.3048)], ['ft', u('m', 'measure', 0.3048)],
  // area
  ['square kilometres', u('m2', 'measure', 1e6)], ['square kilometers', u('m2', 'measure', 1e6)], ['sq km', u('m2', 'measure', 1e6)],
  ['km2', u('m2', 'measure', 1e6)], ['km²', u('m2', 'measure', 1e6)], ['square metres', u('m2', 'measure')],
  ['square meters', u('m2', 'measure')], ['sq m', u('m2', 'measure')], ['m2', u('m2', 'measure')], ['m²', u('m2', 'measure')],
  ['hectares', u('m2', 'measure', 1e4)], ['hectare', u('m2', 'measure', 1e4)], ['ha', u('m2', 'measure', 1e4)],
  ['acres', u('m2', 'measure', 4046.8564224)], ['square miles', u('m2', 'measure', 2589988.110336)],
  ['square feet', u('m2', 'measure', 0.09290304)], ['square foot', u('m2', 'measure', 0.09290304)],
  ['sq ft', u('m2', 'measure', 0.09290304)], ['sq mi', u('m2', 'measure', 2589988.110336)],
  // volume
  ['litres', u('l', 'measure')], ['litre', u('l', 'measure')], ['liters', u('l', 'measure')], ['liter', u('l', 'measure')],
  ['l', u('l', 'measure')], ['ml', u('l', 'measure', 1e-3)], ['millilitres', u('l', 'measure', 1e-3)],
  ['cubic metres', u('l', 'measure', 1e3)], ['cubic meters', u('l', 'measure', 1e3)], ['m3', u('l', 'measure', 1e3)],
  ['m³', u('l', 'measure', 1e3)], ['gallons', u('l', 'measure', 3.785411784)], ['barrels', u('l', 'measure', 158.987294928)],
  // speed
  ['km/h', u('km/h', 'measure')], ['kph', u('km/h', 'measure')], ['kmph', u('km/h', 'measure')],
  ['kilometres per hour', u('km/h', 'measure')], ['kilometers per hour', u('km/h', 'measure')],
  ['mph', u('km/h', 'measure', 1.609344)], ['miles per hour', u('km/h', 'measure', 1.609344)],
  // temperature
  ['°c', u('celsius', 'temperature')], ['° c', u('celsius', 'temperature')], ['degrees celsius', u('celsius', 'temperature')],
  ['degrees c', u('celsius', 'temperature')], ['celsius', u('celsius', 'temperature')],
  ['°f', u('celsius', 'temperature', 5 / 9, -32 * 5 / 9)], ['degrees fahrenheit', u('celsius', 'temperature', 5 / 9, -32 * 5 / 9)],
  ['fahrenheit', u('celsius', 'temperature', 5 / 9, -32 * 5 / 9)],
  // "40C", "104F": the British and wire style, capital letter glued to the figure only
  ['c', u('celsius', 'temperature')], ['f', u('celsius', 'temperature', 5 / 9, -32 * 5 / 9)],
  // durations
  ['seconds', u('seconds', 'duration')], ['second', u('seconds', 'duration')], ['minutes', u('minutes', 'duration')],
  ['minute', u('minutes', 'duration')], ['hours', u('hours', 'duration')], ['hour', u('hours', 'duration')],
  ['days', u('days', 'duration')], ['day', u('days', 'duration')], ['weeks', u('days', 'duration', 7)],
  ['week', u('days', 'duration', 7)], ['months', u('months', 'duration')], ['month', u('months', 'duration')],
  ['years', u('years', 'duration')], ['year', u('years', 'duration')], ['decades', u('years', 'duration', 10)],
  ['decade', u('years', 'duration', 10)],
  // power and energy, common in news
  ['mw', u('MW', 'measure')], ['megawatts', u('MW', 'measure')], ['kw', u('MW', 'measure', 1e-3)], ['gw', u('MW', 'measure', 1e3)],
];

const UNIT_MAP: Map<string, UnitEntry> = new Map(UNIT_TABLE);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// One sticky regex: the longest alternative first, then a boundary. The optional one space
// (or no-break/thin space) before the unit is part of the match.
const UNIT_AFTER_RE = new RegExp(
  `[ \\u00A0\\u2009\\u202F]?(${[...UNIT_MAP.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?![A-Za-z0-9])`,
  'iy',
);

/** Units that sit straight after the digits with no space only ("5m", "10g"): single letters are too ambiguous after a space. */
const NEEDS_ATTACHED: ReadonlySet<string> = new Set(['g', 'm', 'l', 'b', 'k', 'pc', 'pp', 'p', 'c', 'f']);
/** Single letters that are units only in capitals ("40C", "104F", "5L"); lower case they are something else. */
const CAPITAL_ONLY: ReadonlySet<string> = new Set(['C', 'F', 'L']);

/** The unit written after a figure that ends at `end`, or null. */
export function readUnitAfter(text: string, end: number): UnitReading | null {
  // "six-month", "10-day", "three-year": the hyphenated adjective form of a duration or measure.
  let at = end;
  if (text.charCodeAt(at) === 45 /* - */) at++;
  UNIT_AFTER_RE.lastIndex = at;
  const m = UNIT_AFTER_RE.exec(text);
  if (!m) return null;
  const raw = m[1]!;
  const key = raw.toLowerCase();
  // "5 g" or "100 m" after a space are too ambiguous; "5G" and "10M" are identifiers.
  if (NEEDS_ATTACHED.has(key) && (m[0].length !== raw.length || (raw.length === 1 && raw !== key && !CAPITAL_ONLY.has(raw)))) return null;
  if ((key === 'c' || key === 'f') && raw !== raw.toUpperCase()) return null;
  const entry = UNIT_MAP.get(key);
  if (!entry) return null;
  return { unit: entry.unit, kind: entry.kind, factor: entry.factor, offset: entry.offset, end: at + m[0].length, money: entry.kind === 'money' };
}

/** Currency written before a figure: the sign or code, and where it starts. */
export interface CurrencyPrefix { unit: string; start: number }

const SIGN_CURRENCY: ReadonlyMap<number, string> = new Map([
  [36, 'USD'], /* $ */ [8364, 'EUR'], /* € */ [163, 'GBP'], /* £ */ [165, 'JPY'], /* ¥ */ [8377, 'INR'], /* ₹ */ [3647, 'THB'], /* ฿ */ [6107, 'KHR'], /* ៛ */
]);
/** ISO 4217 codes written before a figure ("CHF 3 million", "SEK 40bn"): the currencies news most often quotes. */
const ISO_CODES = [
  'USD', 'EUR', 'GBP', 'JPY', 'KHR', 'THB', 'CNY', 'VND', 'INR', 'CHF', 'AUD', 'CAD', 'HKD', 'SGD', 'NZD', 'SEK', 'NOK',
  'DKK', 'ZAR', 'BRL', 'MXN', 'RUB', 'KRW', 'MYR', 'PHP', 'IDR', 'PKR', 'BDT', 'NGN', 'KES', 'EGP', 'TRY', 'SAR', 'AED',
  'ILS', 'PLN', 'CZK', 'HUF', 'ARS', 'CLP', 'COP', 'UAH', 'LKR', 'NPR', 'MMK', 'LAK', 'TWD', 'QAR', 'KWD',
];
const CODE_BEFORE_RE = new RegExp(`(?:^|[^A-Za-z])(${ISO_CODES.join('|')}|Rs\\.?) $`);
const CODE_UNITS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(ISO_CODES.map((c) => [c, c])), 'Rs': 'INR', 'Rs.': 'INR',
};
const DOLLAR_PREFIX: Readonly<Record<string, string>> = { US: 'USD', A: 'AUD', C: 'CAD', S: 'SGD', HK: 'HKD', NZ: 'NZD' };

/** The currency sign or ISO code just before `start` ("$6.6", "US$12", "€5", "USD 40", "KHR 500"), or null. */
export function readCurrencyBefore(text: string, start: number): CurrencyPrefix | null {
  let at = start;
  const before = text.charCodeAt(at - 1);
  const sign = SIGN_CURRENCY.get(before);
  if (sign) {
    at--;
    if (sign === 'USD') {
      // US$ / A$ / HK$ / U.S.$
      const tail = text.slice(Math.max(0, at - 4), at);
      if (tail.endsWith('U.S.')) return { unit: 'USD', start: at - 4 };
      const m = /(?:^|[^A-Za-z])(US|A|C|S|HK|NZ)$/.exec(tail);
      if (m) return { unit: DOLLAR_PREFIX[m[1]!] ?? 'USD', start: at - m[1]!.length };
    }
    return { unit: sign, start: at };
  }
  // ISO code then a space: "USD 40", "KHR 500"
  if (before === 32 || before === 160) {
    const tail = text.slice(Math.max(0, at - 5), at);
    const m = CODE_BEFORE_RE.exec(tail.replace('\u00A0', ' '));
    if (m && CODE_UNITS[m[1]!]) return { unit: CODE_UNITS[m[1]!]!, start: at - 1 - m[1]!.length };
  }
  return null;
}

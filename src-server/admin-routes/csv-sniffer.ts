// Python's `csv.Sniffer().sniff(sample)` as Zou's CSV imports call it (no delimiter hint):
// quoted fields tell the quote and the delimiter first; otherwise the delimiter is the 7-bit
// character whose count per line is the most consistent across the sample.

export interface CsvDialect {
  delimiter: string;
  quotechar: string;
  skipinitialspace: boolean;
}

/** `csv.Error`: Zou answers it as a 400 with its text. */
export class CsvError extends Error {}

const PREFERRED = [',', '\t', ';', ' ', ':'];
const WORD = String.raw`\p{L}\p{N}_`;

// Python's MULTILINE anchors: `^` after "\n" only, `$` before "\n" only (JavaScript's also
// stop at "\r").
const LINE_START = String.raw`(?:^|(?<=\n)|\n)`;
const LINE_END = String.raw`(?:(?=\n)|$|\n)`;

const QUOTE_PATTERNS = [
  String.raw`(?<delim>[^${WORD}\n"'])(?<space> ?)(?<quote>["']).*?\k<quote>\k<delim>`,
  String.raw`${LINE_START}(?<quote>["']).*?\k<quote>(?<delim>[^${WORD}\n"'])(?<space> ?)`,
  String.raw`(?<delim>[^${WORD}\n"'])(?<space> ?)(?<quote>["']).*?\k<quote>${LINE_END}`,
  String.raw`${LINE_START}(?<quote>["']).*?\k<quote>${LINE_END}`,
];

export function sniff(sample: string): CsvDialect {
  const quoted = guessQuoteAndDelimiter(sample);
  let { delimiter, skipinitialspace } = quoted;
  if (!delimiter) ({ delimiter, skipinitialspace } = guessDelimiter(sample));
  if (!delimiter) throw new CsvError('Could not determine delimiter');
  return { delimiter, quotechar: quoted.quotechar || '"', skipinitialspace };
}

function guessQuoteAndDelimiter(data: string): {
  quotechar: string;
  delimiter: string;
  skipinitialspace: boolean;
} {
  for (const pattern of QUOTE_PATTERNS) {
    const matches = [...data.matchAll(new RegExp(pattern, 'gsu'))];
    if (matches.length === 0) continue;
    const quotes = new Map<string, number>();
    const delims = new Map<string, number>();
    let spaces = 0;
    for (const match of matches) {
      const groups = match.groups ?? {};
      if (groups.quote) quotes.set(groups.quote, (quotes.get(groups.quote) ?? 0) + 1);
      if (!('delim' in groups)) continue;
      if (groups.delim) delims.set(groups.delim, (delims.get(groups.delim) ?? 0) + 1);
      if (groups.space) spaces += 1;
    }
    const quotechar = mostCommon(quotes) ?? '';
    const delimiter = mostCommon(delims);
    if (delimiter === undefined) return { quotechar, delimiter: '', skipinitialspace: false };
    const skipinitialspace = delims.get(delimiter) === spaces;
    return { quotechar, delimiter: delimiter === '\n' ? '' : delimiter, skipinitialspace };
  }
  return { quotechar: '', delimiter: '', skipinitialspace: false };
}

/** Python's `max(d, key=d.get)`: the first key holding the highest count. */
function mostCommon(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

type Mode = [frequency: number, lines: number];

function guessDelimiter(sample: string): { delimiter: string; skipinitialspace: boolean } {
  const data = sample.split('\n').filter((line) => line !== '');
  const chunkLength = Math.min(10, data.length);
  const charFrequency = new Map<string, Map<number, number>>();
  const modes = new Map<string, Mode>();
  const delims = new Map<string, Mode>();
  let iteration = 0;
  const skipSpace = (delimiter: string): boolean =>
    count(data[0] ?? '', delimiter) === count(data[0] ?? '', `${delimiter} `);
  for (let start = 0, end = chunkLength; start < data.length; start = end, end += chunkLength) {
    iteration += 1;
    for (const line of data.slice(start, end)) {
      const counts = new Map<string, number>();
      for (const char of line) {
        if (char.charCodeAt(0) < 127 && char.length === 1) {
          counts.set(char, (counts.get(char) ?? 0) + 1);
        }
      }
      for (let code = 0; code < 127; code += 1) {
        const char = String.fromCharCode(code);
        const frequency = counts.get(char) ?? 0;
        const meta = charFrequency.get(char) ?? new Map<number, number>();
        meta.set(frequency, (meta.get(frequency) ?? 0) + 1);
        charFrequency.set(char, meta);
      }
    }
    for (const [char, meta] of charFrequency) {
      const items = [...meta.entries()];
      if (items.length === 1 && items[0]![0] === 0) continue;
      if (items.length > 1) {
        const mode = maxByCount(items);
        const others = items.reduce((sum, item) => (item === mode ? sum : sum + item[1]), 0);
        modes.set(char, [mode[0], mode[1] - others]);
      } else {
        modes.set(char, items[0]!);
      }
    }
    const total = Math.min(chunkLength * iteration, data.length);
    // Python steps the threshold down by 0.01 in floating point, from 1.0 while >= 0.9.
    for (let consistency = 1.0; delims.size === 0 && consistency >= 0.9; consistency -= 0.01) {
      for (const [char, mode] of modes) {
        if (mode[0] > 0 && mode[1] > 0 && mode[1] / total >= consistency) delims.set(char, mode);
      }
    }
    if (delims.size === 1) {
      const delimiter = [...delims.keys()][0]!;
      return { delimiter, skipinitialspace: skipSpace(delimiter) };
    }
  }
  if (delims.size === 0) return { delimiter: '', skipinitialspace: false };
  for (const preferred of PREFERRED) {
    if (delims.has(preferred))
      return { delimiter: preferred, skipinitialspace: skipSpace(preferred) };
  }
  // Python sorts (mode, char) pairs and takes the last one.
  const ranked = [...delims.entries()].sort(
    ([leftChar, left], [rightChar, right]) =>
      left[0] - right[0] || left[1] - right[1] || (leftChar < rightChar ? -1 : 1),
  );
  const delimiter = ranked[ranked.length - 1]![0];
  return { delimiter, skipinitialspace: skipSpace(delimiter) };
}

/** Python's `max(items, key=count)`: the first item with the highest count. */
function maxByCount(items: readonly [number, number][]): [number, number] {
  let best = items[0]!;
  for (const item of items) if (item[1] > best[1]) best = item;
  return best;
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

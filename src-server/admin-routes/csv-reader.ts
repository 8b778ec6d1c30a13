import type { CsvDialect } from './csv-sniffer';

// Python's `csv.DictReader` over a file opened with newline="": records parsed by `_csv`'s
// state machine (non-strict), the first record as the header, blank records skipped, missing
// cells None, `line_num` the physical line count read so far.

export interface CsvRecord {
  /** The header's keys: the cell, or null when the record is shorter than the header. */
  values: Map<string, string | null>;
  /** `reader.line_num` once the record was read. */
  lineNumber: number;
}

interface RawRecord {
  fields: string[];
  lineNumber: number;
}

/** Splits like Python's file iteration with newline="": after \n, \r\n or a lone \r. */
function physicalLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function parseRecords(text: string, dialect: CsvDialect): RawRecord[] {
  const { delimiter, quotechar, skipinitialspace } = dialect;
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let state: 'start-record' | 'start-field' | 'in-field' | 'in-quoted' | 'quote-in-quoted' =
    'start-record';
  let lineNumber = 0;
  let fieldStarted = false;

  const saveField = (): void => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const saveRecord = (): void => {
    records.push({ fields, lineNumber });
    fields = [];
  };

  for (const line of physicalLines(text)) {
    lineNumber += 1;
    const body = line.replace(/(\r\n|\r|\n)$/, '');
    const ending = line.slice(body.length);
    for (const char of body) {
      switch (state) {
        case 'start-record':
        case 'start-field':
          if (char === quotechar) {
            state = 'in-quoted';
            fieldStarted = true;
          } else if (char === delimiter) {
            saveField();
            state = 'start-field';
          } else if (char === ' ' && skipinitialspace) {
            state = 'start-field';
          } else {
            field += char;
            fieldStarted = true;
            state = 'in-field';
          }
          break;
        case 'in-field':
          if (char === delimiter) {
            saveField();
            state = 'start-field';
          } else field += char;
          break;
        case 'in-quoted':
          if (char === quotechar) state = 'quote-in-quoted';
          else field += char;
          break;
        case 'quote-in-quoted':
          if (char === quotechar) {
            field += char;
            state = 'in-quoted';
          } else if (char === delimiter) {
            saveField();
            state = 'start-field';
          } else {
            field += char;
            state = 'in-field';
          }
          break;
      }
    }
    if (state === 'in-quoted') {
      field += ending;
      continue;
    }
    if (state === 'start-record' && ending !== '' && body === '') {
      records.push({ fields: [], lineNumber });
      continue;
    }
    saveField();
    saveRecord();
    state = 'start-record';
  }
  if (state !== 'start-record' && (fieldStarted || field !== '' || state === 'in-quoted')) {
    saveField();
    saveRecord();
  }
  return records;
}

/** The records after the header, keyed by header cell; extra cells are dropped. */
export function readDictRecords(text: string, dialect: CsvDialect): CsvRecord[] {
  const records = parseRecords(text, dialect);
  const header = records.shift()?.fields ?? [];
  return records
    .filter((record) => record.fields.length > 0)
    .map((record) => {
      const values = new Map<string, string | null>();
      header.forEach((name, index) => values.set(name, record.fields[index] ?? null));
      return { values, lineNumber: record.lineNumber };
    });
}

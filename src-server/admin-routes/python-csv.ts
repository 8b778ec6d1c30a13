import { pythonRepr } from '../crud/python-repr';

// What Python's `csv.writer(delimiter=";")` writes: values through str(), minimal quoting
// (a field holding the delimiter, a quote or a line break), quotes doubled, `\r\n` line ends.

export type CsvValue = string | number | boolean | null | undefined | object;

/** Python's str() of a JSON value (repr inside containers). */
export function pythonStr(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return pythonLiteral(value);
}

function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pythonRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([key, item]) => `${pythonRepr(key)}: ${pythonLiteral(item)}`).join(', ')}}`;
}

export function csvRow(values: readonly CsvValue[], delimiter = ';'): string {
  const fields = values.map(pythonStr);
  // An empty single-field row would read back as no row at all; Python quotes it.
  if (fields.length === 1 && fields[0] === '') return '""\r\n';
  return `${fields.map((field) => quoteField(field, delimiter)).join(delimiter)}\r\n`;
}

function quoteField(field: string, delimiter: string): string {
  const needsQuotes = field.includes(delimiter) || /["\r\n]/.test(field);
  return needsQuotes ? `"${field.replace(/"/g, '""')}"` : field;
}

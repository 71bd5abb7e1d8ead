// A file as the import read it, in the window's language: how it was read ("CSV, UTF-8,
// semicolon"; "XLSX, sheet Candidates") and the header names it repeats.
import type { ImportReadAs } from "../../bindings/ImportReadAs";
import type { ImportRepeatedHeader } from "../../bindings/ImportRepeatedHeader";
import { t } from "../../i18n";

export function readAsText(format: ImportReadAs): string {
  return format.kind === "csv"
    ? t("import.read_csv", { encoding: format.encoding, delimiter: format.delimiter })
    : t("import.read_sheet", { workbook: format.workbook, sheet: format.sheet });
}

export function repeatedText(repeated: ImportRepeatedHeader): string {
  return t("import.repeated_header", { header: repeated.header, column: repeated.column, name: repeated.name });
}

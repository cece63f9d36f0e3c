export { matchHeaders, keyOfHeader, acceptedHeaders, isRowNumberHeader, type TableKind } from "./headers";
export { parseCsv, csvTable, decodeCsvBytes, type CsvTable } from "./csv";
export { findHeader, type FoundHeader } from "./find-header";
export { classifyRows, RowClassifier, PERSON, BLANK, type RowClass } from "./skip-rows";
export { tableColumns, nakesColumns, pelatihanColumns, fasyankesColumns, pendudukColumns, columnLabel, type ColumnDef } from "./columns";
export { fold } from "./fold";

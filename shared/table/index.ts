export { matchHeaders, keyOfHeader, acceptedHeaders, type TableKind } from "./headers";
export { parseCsv, csvTable, type CsvTable } from "./csv";
export { tableColumns, nakesColumns, pelatihanColumns, fasyankesColumns, pendudukColumns, columnLabel, type ColumnDef } from "./columns";
export { fold } from "./fold";

export { demoFacilities, mukomukoFacilities, demoFacilityFacts, demoFacilitiesTable, demoKecamatan } from "./facilities";
export { demoPopulation, demoPopulationTable } from "./population";
export { generateRoster, usedIdentifiers, NAKES_KEYS, PELATIHAN_KEYS, type GenerateOptions, type UsedIdentifiers } from "./roster";
export { Random } from "./random";
export { asOfficeSheet } from "./sheet";

export { demoFacilities, mukomukoFacilities, demoFacilityFacts, demoFacilitiesTable, demoKecamatan } from "./facilities";
export { demoPopulation, demoPopulationTable } from "./population";
export { generateRoster, NAKES_KEYS, PELATIHAN_KEYS, type GenerateOptions } from "./roster";
export { Random } from "./random";

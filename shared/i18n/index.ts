export { catalog, message, type MessageParams, type DateProblem, type ColumnRef } from "./messages";
export { formatDate } from "./dates";

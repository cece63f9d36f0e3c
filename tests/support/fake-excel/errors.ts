/**
 * Errors shaped like office.js's `OfficeExtension.Error` (name "RichApi.Error", `code`, `message`,
 * `debugInfo`, `httpStatusCode`), with the codes and English messages office.js itself uses, so
 * code that inspects `error.code` behaves the same against the fake and against Excel.
 */

export const ErrorCodes = {
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  notImplemented: "NotImplemented",
  invalidRequestContext: "InvalidRequestContext",
  runMustReturnPromise: "RunMustReturnPromise",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const STATUS: Partial<Record<ErrorCode, number>> = {
  InvalidArgument: 400,
  InvalidOperation: 400,
  InvalidReference: 400,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
  PropertyNotLoaded: 400,
  ValueNotLoaded: 400,
  RequestPayloadSizeLimitExceeded: 400,
  ResponsePayloadSizeLimitExceeded: 400,
  InvalidRequestContext: 400,
};

const LIMITS_DOC = "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins";

export class FakeRichApiError extends Error {
  readonly code: ErrorCode;
  readonly httpStatusCode: number;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError = null;

  constructor(code: ErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = STATUS[code] ?? 500;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export const errors = {
  propertyNotLoaded: (entity: string, property: string) =>
    new FakeRichApiError(
      ErrorCodes.propertyNotLoaded,
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${entity}.${property}`,
    ),
  valueNotLoaded: () =>
    new FakeRichApiError(
      ErrorCodes.valueNotLoaded,
      'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
    ),
  invalidArgument: (location: string, detail?: string) =>
    new FakeRichApiError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format.${detail ? ` (${detail})` : ""}`, location),
  invalidOperation: (location: string, detail?: string) =>
    new FakeRichApiError(ErrorCodes.invalidOperation, `The operation attempted is invalid on the object.${detail ? ` (${detail})` : ""}`, location),
  itemNotFound: (location: string) => new FakeRichApiError(ErrorCodes.itemNotFound, "The requested resource doesn't exist.", location),
  itemAlreadyExists: (location: string) =>
    new FakeRichApiError(ErrorCodes.itemAlreadyExists, "The resource being created already exists.", location),
  apiNotFound: (api: string, set: string) =>
    new FakeRichApiError(ErrorCodes.apiNotFound, `The requested API could not be found (${api} needs ExcelApi ${set}).`, api),
  notImplemented: (location: string) =>
    new FakeRichApiError(ErrorCodes.notImplemented, "The requested feature isn't implemented (in the fake Excel host).", location),
  runMustReturnPromise: () =>
    new FakeRichApiError(
      ErrorCodes.runMustReturnPromise,
      'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
    ),
  invalidRequestContext: (location: string) =>
    new FakeRichApiError(ErrorCodes.invalidRequestContext, "Cannot use the object across different request contexts.", location),
  requestTooLarge: (bytes: number) =>
    new FakeRichApiError(
      ErrorCodes.requestPayloadSizeLimitExceeded,
      `The request payload size has exceeded the limit. Please refer to the documentation: "${LIMITS_DOC}". (fake host: ${bytes} bytes)`,
    ),
  responseTooLarge: (bytes: number) =>
    new FakeRichApiError(
      ErrorCodes.responsePayloadSizeLimitExceeded,
      `The response payload size has exceeded the limit. Please refer to the documentation: "${LIMITS_DOC}". (fake host: ${bytes} bytes)`,
    ),
};

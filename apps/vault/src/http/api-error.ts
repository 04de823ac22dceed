/** A Guardian-shaped error: `{code, classifier, message}` and, for 422, `validation_errors`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly classifier: string,
    message: string,
    readonly validationErrors?: { path: string; message: string }[],
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toJSON() {
    return {
      code: this.statusCode,
      classifier: this.classifier,
      message: this.message,
      ...(this.validationErrors ? { validation_errors: this.validationErrors } : {}),
    };
  }
}

/** The exact strings of the seeds (digest §1.6). */
export const errors = {
  unauthorized: () => new ApiError(401, 'UNAUTHORIZED', 'No valid means of authentication was provided'),
  forbidden: () => new ApiError(403, 'FORBIDDEN', 'Not allowed to access this resource or feature'),
  /** 403 with the reason: which grant the caller tried that it may not make. */
  forbiddenGrant: (reason: string) => new ApiError(403, 'FORBIDDEN', reason),
  notFound: () => new ApiError(404, 'NOT_FOUND', 'The requested resource was not found.'),
  conflict: () => new ApiError(409, 'CONFLICT', 'Conflict'),
  tooManyAuthFailures: (retryAfterSeconds: number) =>
    new ApiError(429, 'TOO_MANY_REQUESTS', 'Too many failed authentication attempts; try again later', undefined, {
      'retry-after': String(retryAfterSeconds),
    }),
  validation: (validationErrors: { path: string; message: string }[], message = 'Validation error') =>
    new ApiError(422, 'VALIDATION_ERROR', message, validationErrors),
} as const;

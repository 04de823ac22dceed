import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_CLASSIFIERS } from '@cardframe/protocol';
import { ApiError, errors } from './api-error.ts';
import { dependencyUnavailable, unavailableDependency } from './dependency-errors.ts';
import { typeboxErrorsToValidation, type SchemaError } from './validation-errors.ts';

const byFastifyCode: Record<string, () => ApiError> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be application/json'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new ApiError(400, 'BAD_REQUEST', 'The Content-Length does not match the body'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new ApiError(400, 'BAD_REQUEST', 'The request body is not valid JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new ApiError(400, 'BAD_REQUEST', 'The request body is empty'),
};

/**
 * Every failure leaves in the Guardian shape. Client errors say what was wrong (never echoing
 * input values); anything unexpected is logged by id and answered with a bare 500.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let apiError: ApiError;
  if (error instanceof ApiError) apiError = error;
  else if (error.validation) {
    if (error.validationContext === 'params') {
      apiError = request.url.startsWith('/api/sessions/') ? new ApiError(404, SESSION_CLASSIFIERS.notFound, 'The session was not found') : errors.notFound();
    } else {
      apiError = errors.validation(typeboxErrorsToValidation(error.validation as unknown as SchemaError[]));
    }
  } else if (error.code && byFastifyCode[error.code]) apiError = byFastifyCode[error.code]!();
  else if (error instanceof SyntaxError) apiError = byFastifyCode.FST_ERR_CTP_INVALID_JSON_BODY!();
  else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    apiError = new ApiError(error.statusCode, 'BAD_REQUEST', 'The request could not be processed');
  } else if (unavailableDependency(error)) {
    // A dependency outage is the operator's to fix, not a bug: a 503 the client can retry, logged by cause.
    const dependency = unavailableDependency(error)!;
    request.log.warn({ err: { type: error.name, code: error.code }, dependency }, 'dependency unavailable');
    apiError = dependencyUnavailable(dependency);
  } else {
    // Only the error's name and code: messages of driver errors can quote SQL parameters.
    request.log.error({ err: { type: error.name, code: error.code, frames: error.stack?.split('\n').slice(1).join('\n') } }, 'unhandled error');
    apiError = new ApiError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
  }
  if (apiError.headers) reply.headers(apiError.headers);
  return reply.code(apiError.statusCode).type('application/json').send(apiError.toJSON());
}

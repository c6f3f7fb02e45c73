import type { FastifyInstance } from 'fastify';

/**
 * GovStack clients read errors as `systemError` { traceId, code, message, localizedMessage }. The
 * platform's one error shape stays in the answer (`error`), with those four fields beside it, so
 * Guichet's own clients and GovStack's read the same response.
 */
export function answerErrorsAsSystemError(scope: FastifyInstance): void {
  scope.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
    let body: { error?: { code?: string; message?: string } };
    try {
      body = JSON.parse(payload) as typeof body;
    } catch {
      return payload;
    }
    if (!body.error?.code) return payload;
    const message = body.error.message ?? '';
    return JSON.stringify({ traceId: request.id, code: body.error.code, message, localizedMessage: message, error: body.error });
  });
}

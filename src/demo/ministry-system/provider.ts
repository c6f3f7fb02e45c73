import { newMessageId } from '../../modules/exchange/message-id.ts';
import { refusalBody, REFUSAL_STATUS } from '../../modules/exchange/refusals.ts';
import { headerValue, type RequestDescription, type ResponseDescription } from '../../modules/exchange/signing-base.ts';
import { loggedSignature, signResponse, type Signer, type Verified } from '../../modules/exchange/signing.ts';
import { EXCHANGE_PREFIX } from '../../modules/exchange/targets.ts';
import { admit, type Admission } from './admission.ts';
import type { LogRecord, MessageLogFile } from './message-log-file.ts';

export interface ProviderDeps {
  admission: Admission;
  signer: Signer;
  log: MessageLogFile;
  /** The answer of the service named (`check-certificate`, `record-certificate`) to an admitted body. */
  answer(service: string, body: unknown): unknown;
  onError?: (message: string) => void;
}

const json = (status: number, body: unknown, extra: Record<string, string> = {}): ResponseDescription => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

/**
 * The register's side of each message, from the request as received to the response to send:
 * admitted or refused, every request is logged (refusals with their code, unsigned and without
 * effect), and every answer is signed with the register's key, bound to its request, and logged.
 */
export function ministryProvider(deps: ProviderDeps) {
  return async function receive(request: RequestDescription): Promise<ResponseDescription> {
    const client = headerValue(request.headers, 'guichet-client') ?? '';
    // The log names the service as the path does: KD/GOV/AGRICULTURE/phytosanitary/check-certificate/v1.
    const service = new URL(request.targetUri).pathname.slice(EXCHANGE_PREFIX.length);
    const received = (status: string, verified: Verified | null): LogRecord => ({
      messageId: headerValue(request.headers, 'guichet-message-id') ?? '',
      direction: 'in',
      kind: 'request',
      peer: client,
      service,
      // As Guichet logs it: the verified signature, or the header as sent when it could not be verified.
      signature: verified?.signature ?? headerValue(request.headers, 'signature') ?? '',
      bodyDigest: headerValue(request.headers, 'content-digest') ?? '',
      status,
    });
    let admitted;
    try {
      admitted = await admit(request, deps.admission);
    } catch (error) {
      deps.onError?.(`request not checked: ${String(error)}`);
      deps.log.append([received('registry_unavailable', null)]);
      return json(503, { error: { code: 'registry_unavailable', message: "Guichet's discovery cannot be read, so the caller cannot be checked" } }, { 'retry-after': '5' });
    }
    if (!admitted.ok) {
      deps.log.append([received(admitted.code, admitted.verified)]);
      return json(REFUSAL_STATUS[admitted.code], refusalBody(admitted.code, admitted.reason));
    }
    // A retry gets the answer given the first time; one given before a restart was not kept, and the query is simply asked again.
    admitted.seen.response_body ??= deps.answer(admitted.target.service, admitted.body);
    const response = json(200, admitted.seen.response_body, { 'guichet-message-id': newMessageId() });
    const headers = signResponse(response, request, deps.signer);
    deps.log.append([
      received(admitted.retry ? 'retry' : 'accepted', admitted.verified),
      { messageId: headers['guichet-message-id']!, direction: 'out', kind: 'response', peer: client, service, signature: loggedSignature(headers), bodyDigest: headers['content-digest']!, status: '200' },
    ]);
    return { ...response, headers };
  };
}

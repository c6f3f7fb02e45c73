import { memoryPages, validateXML } from 'xmllint-wasm';
import { type SchemaKind, schemaSet } from './schema-files.ts';

/** One line of libxml2's report about a document: where, and what it says (in English). */
export interface LibxmlMessage {
  line: number;
  message: string;
}

export type SchemaVerdict = { kind: 'valid' } | { kind: 'invalid'; violations: LibxmlMessage[] } | { kind: 'malformed'; errors: LibxmlMessage[] };

/**
 * Compiling the DEC schema (half a megabyte) is almost all of a validation's cost, and xmllint
 * compiles it once per run whatever the number of documents: documents that arrive while a run is
 * under way wait for the next one and share its compilation (measured in docs/customs/wco-xml.md).
 */
const LARGEST_BATCH = 32;

interface Waiting {
  xml: string;
  resolve: (verdict: SchemaVerdict) => void;
  reject: (error: unknown) => void;
}

const queues = new Map<SchemaKind, { waiting: Waiting[]; running: boolean }>();

/** Validates one document against the WCO schema of its kind, in a worker thread (xmllint-wasm). */
export function validateAgainstSchema(kind: SchemaKind, xml: string): Promise<SchemaVerdict> {
  let queue = queues.get(kind);
  if (!queue) {
    queue = { waiting: [], running: false };
    queues.set(kind, queue);
  }
  const own = queue;
  return new Promise((resolve, reject) => {
    own.waiting.push({ xml, resolve, reject });
    if (!own.running) void runQueue(kind, own);
  });
}

async function runQueue(kind: SchemaKind, queue: { waiting: Waiting[]; running: boolean }): Promise<void> {
  queue.running = true;
  while (queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0, LARGEST_BATCH);
    try {
      const output = await xmllintOutput(kind, batch.map((w) => w.xml));
      batch.forEach((waiting, index) => {
        const verdict = verdictOf(documentName(index), output);
        if (verdict) waiting.resolve(verdict);
        else waiting.reject(new Error(`xmllint gave no verdict on a document: ${output.slice(0, 500)}`));
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
  queue.running = false;
}

const documentName = (index: number) => `document-${index}.xml`;

async function xmllintOutput(kind: SchemaKind, documents: string[]): Promise<string> {
  const { entry, preload } = schemaSet(kind);
  const xml = documents.map((contents, index) => ({ fileName: documentName(index), contents }));
  try {
    const result = await validateXML({ xml, schema: [entry], preload, maxMemoryPages: memoryPages.GiB });
    return result.rawOutput;
  } catch (error) {
    // xmllint-wasm rejects when xmllint exits with a code it does not know (a document that does
    // not parse, for one); the rejection's message is xmllint's whole report, verdicts included.
    if (error instanceof Error && typeof (error as { code?: unknown }).code === 'number') return error.message;
    throw error;
  }
}

/** The verdict on one document from xmllint's report on a batch (`name:line: message`, `name validates`). */
function verdictOf(name: string, output: string): SchemaVerdict | undefined {
  const lines = output.split('\n');
  const messages = lines.flatMap((line) => {
    if (!line.startsWith(`${name}:`)) return [];
    const match = /^[^:]+:(\d+): (.*)$/.exec(line);
    return match ? [{ line: Number(match[1]), message: match[2] ?? '' }] : [];
  });
  const validity = messages.filter((m) => m.message.includes('Schemas validity error'));
  const parsing = messages.filter((m) => /\b(parser|namespace) error\b/.test(m.message));
  if (lines.includes(`${name} validates`)) return { kind: 'valid' };
  if (parsing.length > 0) return { kind: 'malformed', errors: parsing };
  if (lines.includes(`${name} fails to validate`)) return { kind: 'invalid', violations: validity };
  return undefined;
}

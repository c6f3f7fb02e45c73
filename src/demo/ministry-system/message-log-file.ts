import fs from 'node:fs';
import path from 'node:path';
import { linkHash, type ChainVerdict } from '../../platform/audit/chain.ts';
import { LOG_GENESIS, logChainVerifier, logContentHash, type LogContent, type LogEntry } from '../../modules/exchange/log-chain.ts';

export type LogRecord = Omit<LogContent, 'loggedAt'>;

export interface MessageLogFile {
  /** Appends the records in order, chained, before the caller answers anyone. */
  append(records: readonly LogRecord[], loggedAt?: Date): LogEntry[];
}

const files = (dir: string) => ({ log: path.join(dir, 'message-log.jsonl'), head: path.join(dir, 'message-log.head.json') });

function readHead(file: string): { seq: number; hash: string } | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { seq: number; hash: string }) : undefined;
}

/** The lines of the log, each parsed, or null when a line is not JSON. */
function readLines(file: string): (LogEntry | null)[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogEntry;
      } catch {
        return null;
      }
    });
}

/** The entries as written (unreadable lines left out): what the register remembers after a restart. */
export const readMessageLog = (dir: string): LogEntry[] => readLines(files(dir).log).filter((entry) => entry !== null);

/**
 * The register's own message log, for non-repudiation on its side of each exchange: one JSON line
 * per message in `message-log.jsonl`, chained exactly as Guichet's log is (log-chain.ts:
 * `hash = sha256(prev_hash ":" seq ":" sha256(JCS(content)))`), so one verifier reads both. A head
 * file names the last entry, as Guichet's head row does, so entries cut off the end are noticed too.
 * Appends are synchronous: this process is the only writer and its requests take turns.
 */
export function openMessageLog(dir: string): MessageLogFile {
  fs.mkdirSync(dir, { recursive: true });
  const { log, head: headFile } = files(dir);
  let head = readHead(headFile) ?? LOG_GENESIS;
  return {
    append(records, loggedAt = new Date()) {
      let { seq, hash } = head;
      const entries = records.map((record): LogEntry => {
        const content: LogContent = { loggedAt: loggedAt.toISOString(), ...record };
        const prevHash = hash;
        seq += 1;
        hash = linkHash(prevHash, seq, logContentHash(content));
        return { seq, ...content, prevHash, hash };
      });
      fs.appendFileSync(log, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      // Written whole, then renamed over the old head: a crash leaves the old head or the new one.
      fs.writeFileSync(`${headFile}.tmp`, JSON.stringify({ seq, hash }));
      fs.renameSync(`${headFile}.tmp`, headFile);
      head = { seq, hash };
      return entries;
    },
  };
}

/** Recomputes the whole chain and checks it ends at the head; names the first altered or missing entry. */
export function verifyMessageLogFile(dir: string): ChainVerdict {
  const { log, head: headFile } = files(dir);
  const verifier = logChainVerifier();
  for (const [index, entry] of readLines(log).entries()) {
    if (entry === null) {
      const verdict = verifier.finish(undefined);
      const seq = verdict.lastSeq + 1;
      return { ...verdict, ok: false, problem: { kind: 'altered', seq, message: `message log entry #${seq} altered: line ${index + 1} is not JSON` } };
    }
    if (!verifier.push(entry)) return verifier.finish(undefined);
  }
  return verifier.finish(readHead(headFile) ?? LOG_GENESIS);
}

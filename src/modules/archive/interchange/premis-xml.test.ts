import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_AGENT } from '../events.ts';
import { PREMIS_NAMESPACE, premisEventsXml, type PremisEventRecord } from './premis-xml.ts';

const pkg = { identifier: 'KD-ARC-2026-000007', source: { type: 'application', reference: 'KD-2026-00042' } };
const files = [
  { id: 'f1', path: 'data/form.json', size: 120, sha256: 'a'.repeat(64), sha512: 'b'.repeat(128), format: 'application/json' },
  { id: 'f2', path: 'metadata/dublin-core.xml', size: 900, sha256: 'c'.repeat(64), sha512: 'd'.repeat(128), format: 'application/xml' },
];
const at = new Date('2026-11-24T08:00:00Z');
const event = (id: number, type: PremisEventRecord['type'], fileId: string | null, detail = 'done', agent = ARCHIVE_AGENT): PremisEventRecord => ({ id, type, outcome: 'success', detail, agent, at, fileId });

function parse(xml: string) {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return document;
}

const children = (element: Element, name: string) => Array.from(element.getElementsByTagNameNS(PREMIS_NAMESPACE, name));
const textOf = (element: Element, name: string) => children(element, name).map((e) => e.textContent);

describe('premisEventsXml', () => {
  it('writes one namespaced premis:event per recorded event, with the id.loc.gov term and URI of its type', () => {
    const xml = premisEventsXml(pkg, files, [
      event(1, 'message digest calculation', 'f1'),
      event(2, 'format identification', 'f1'),
      event(3, 'replication', 'f1'),
      event(4, 'ingestion', null),
      event(5, 'access', null, 'exported <as a bag> & "checked"', 'cli: archive export'),
    ]);
    const root = parse(xml).documentElement as Element;
    expect([root.namespaceURI, root.localName, root.getAttribute('version')]).toEqual([PREMIS_NAMESPACE, 'premis', '3.0']);
    const events = children(root, 'event');
    expect(events.map((e) => textOf(e, 'eventType')[0])).toEqual(['message digest calculation', 'format identification', 'replication', 'ingestion', 'dissemination']);
    const types = events.map((e) => children(e, 'eventType')[0]?.getAttribute('valueURI'));
    expect(types).toEqual(['mes', 'for', 'rep', 'ing', 'dis'].map((code) => `http://id.loc.gov/vocabulary/preservation/eventType/${code}`));
    const [digest, , , ingestion, access] = events as [Element, Element, Element, Element, Element];
    expect(textOf(digest, 'eventIdentifierValue')).toEqual(['KD-ARC-2026-000007/event/1']);
    expect(textOf(digest, 'eventDateTime')).toEqual(['2026-11-24T08:00:00.000Z']);
    expect(textOf(digest, 'linkingObjectIdentifierValue')).toEqual(['KD-ARC-2026-000007/data/form.json']);
    expect(textOf(digest, 'linkingAgentRole')).toEqual(['executing program']);
    expect(textOf(ingestion, 'linkingObjectIdentifierValue')).toEqual(['KD-ARC-2026-000007']);
    expect(textOf(access, 'eventDetail')).toEqual(['exported <as a bag> & "checked"']);
    expect(textOf(access, 'linkingAgentIdentifierValue')).toEqual(['cli: archive export']);
    expect(textOf(access, 'eventOutcome')).toEqual(['success']);
  });

  it('describes the package and each file with both digests, and each agent once', () => {
    const root = parse(premisEventsXml(pkg, files, [event(1, 'fixity check', 'f2'), event(2, 'fixity check', 'f1'), event(3, 'deletion', null, 'gone', 'Salma')])).documentElement as Element;
    const objects = children(root, 'object');
    expect(objects.map((o) => o.getAttribute('xsi:type'))).toEqual(['premis:intellectualEntity', 'premis:file', 'premis:file']);
    expect(textOf(objects[0] as Element, 'objectIdentifierValue')).toEqual(['KD-ARC-2026-000007', 'KD-2026-00042']);
    expect(textOf(objects[1] as Element, 'messageDigest')).toEqual(['a'.repeat(64), 'b'.repeat(128)]);
    expect(textOf(objects[1] as Element, 'messageDigestAlgorithm')).toEqual(['SHA-256', 'SHA-512']);
    expect(textOf(objects[2] as Element, 'formatName')).toEqual(['application/xml']);
    expect(children(root, 'agent').map((a) => textOf(a, 'agentName')[0])).toEqual(['Salma', ARCHIVE_AGENT]);
  });

  it('stays well-formed when a detail holds characters XML does not allow', () => {
    const xml = premisEventsXml(pkg, files, [event(1, 'ingestion', null, 'from bag \u0001\u0008 «titre» بيان')]);
    // XML 1.0 §2.2 Char: no C0 control but tab, LF and CR, even as a character reference.
    expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    expect(textOf(parse(xml).documentElement as Element, 'eventDetail')).toEqual(['from bag \uFFFD\uFFFD «titre» بيان']);
  });
});

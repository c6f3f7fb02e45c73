import { describe, expect, it } from 'vitest';
import { eFormIdOf, parseTaskId, serviceIdOf, taskIdOf, uuidV5 } from './ids.ts';

describe('GovStack ids', () => {
  it('computes RFC 9562 version-5 UUIDs (the RFC example: www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives a service the same id on every instance, and each form version its own', () => {
    expect(serviceIdOf('import-licence')).toBe(serviceIdOf('import-licence'));
    expect(serviceIdOf('import-licence')).not.toBe(serviceIdOf('import-export-card'));
    expect(eFormIdOf('import-licence', 1)).not.toBe(eFormIdOf('import-licence', 2));
    expect(serviceIdOf('import-licence')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads back a task id and refuses anything else', () => {
    const fileId = '8a70cd6d-bdb2-41ed-9397-0242ac120004';
    expect(parseTaskId(taskIdOf(fileId, 'agency_review'))).toEqual({ fileId, state: 'agency_review' });
    expect(parseTaskId('n0t-ex1st1ng-task#-1d')).toBeNull();
    expect(parseTaskId(fileId)).toBeNull();
  });
});

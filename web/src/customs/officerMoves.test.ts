import { describe, expect, it } from 'vitest';
import { shownState } from './names';
import { awaitsInspection, mayBeRejected } from './officerMoves';

describe('what an officer may do with a declaration', () => {
  it('inspects only yellow and red declarations waiting after selectivity', () => {
    expect(awaitsInspection({ state: 'channel_assigned', channel: 'red' })).toBe(true);
    expect(awaitsInspection({ state: 'channel_assigned', channel: 'yellow' })).toBe(true);
    expect(awaitsInspection({ state: 'channel_assigned', channel: 'green' })).toBe(false);
    expect(awaitsInspection({ state: 'assessed', channel: 'red' })).toBe(false);
  });

  it('rejects until the duties are paid, and never a state it does not know', () => {
    expect(mayBeRejected({ state: 'lodged' })).toBe(true);
    expect(mayBeRejected({ state: 'assessed' })).toBe(true);
    expect(mayBeRejected({ state: 'paid' })).toBe(false);
    expect(mayBeRejected({ state: 'rejected' })).toBe(false);
    expect(mayBeRejected({ state: 'some_future_state' })).toBe(false);
  });
});

describe('the state a declaration is shown in', () => {
  it('says when a lodged declaration waits for an agency to confirm its documents', () => {
    expect(shownState({ state: 'lodged', awaitingDocuments: true })).toBe('awaiting_documents');
    expect(shownState({ state: 'lodged', awaitingDocuments: false })).toBe('lodged');
    expect(shownState({ state: 'lodged' })).toBe('lodged');
    expect(shownState({ state: 'assessed', awaitingDocuments: true })).toBe('assessed');
  });
});

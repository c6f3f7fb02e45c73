import type { ProcedureDefinition } from './definition.ts';

/**
 * What a service page promises: the working days agencies may take on the shortest way from
 * filing to approval (time spent by the applicant on corrections is not the agency's).
 * A small Dijkstra over states, each weighing its step deadline.
 */
export function expectedWorkingDays(definition: ProcedureDefinition): number | null {
  const { states, transitions, initial } = definition.workflow;
  const weight = (id: string) => {
    const state = states.find((s) => s.id === id);
    return state?.holder === 'agency' ? (state.deadlineWorkingDays ?? 0) : 0;
  };
  const best = new Map<string, number>([[initial, weight(initial)]]);
  const open = new Set([initial]);
  while (open.size > 0) {
    const current = [...open].reduce((a, b) => ((best.get(a) ?? Infinity) <= (best.get(b) ?? Infinity) ? a : b));
    open.delete(current);
    const state = states.find((s) => s.id === current);
    if (state?.outcome === 'approved') return best.get(current) ?? null;
    for (const t of transitions) {
      if (!t.from.includes(current) || t.by === 'applicant') continue;
      const cost = (best.get(current) ?? 0) + weight(t.to);
      if (cost < (best.get(t.to) ?? Infinity)) {
        best.set(t.to, cost);
        open.add(t.to);
      }
    }
  }
  return null;
}

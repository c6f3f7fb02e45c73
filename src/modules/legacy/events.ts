/** What the legacy module publishes on the outbox (docs/customs/legacy-coexistence.md). */
export interface LegacyImportFinished {
  runId: string;
  /** Declarations stored by this run (those already present are not counted). */
  imported: number;
}

export interface LegacyTopics {
  /** One per finished import run, committed with the run's report: dashboards refresh their legacy figures. */
  'legacy.import.finished': LegacyImportFinished;
}

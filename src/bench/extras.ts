/**
 * Figures beyond the engine: filled in as the add-in's parts arrive
 * (Office.js adapter syncs and payloads, the task pane's bundle size).
 */
export interface ExtraFigures {
  json: Record<string, unknown>;
  markdown: string[];
}

export async function extraBenchmarks(_root: string): Promise<ExtraFigures> {
  return { json: {}, markdown: [] };
}

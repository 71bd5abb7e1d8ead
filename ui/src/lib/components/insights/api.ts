// The Insights' calls (src-tauri/src/insights.rs), over the generated typed commands.
import { commands } from "../../bindings/commands";
import type { Insights } from "../../bindings/Insights";
import type { SearchRequest } from "../../bindings/SearchRequest";

export const insightsApi = {
  /** Every chart of `request`, each with its top values. */
  of: (request: SearchRequest, top: number | null = null): Promise<Insights> => commands.insights({ request, top }),
  /** Saves the charts as XLSX at `path`; how many candidates they are of. */
  exportXlsx: (request: SearchRequest, described: string, path: string): Promise<number> =>
    commands.exportInsights({ request, described, path }),
  /** Saves a chart's picture (PNG bytes) at `path`, chosen in the Save dialog. */
  savePng: (path: string, png: number[]): Promise<void> => commands.saveChartPng({ path, png }),
};

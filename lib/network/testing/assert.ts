import type { AnalysisResult, AnalysisSuccess } from "../questions/analyze";

/** The analysis ran (the query was valid); fail the test with the reason if not. */
export function ok(result: AnalysisResult): AnalysisSuccess {
  if (!result.ok) throw new Error(`analysis failed: ${result.errorCode}: ${result.error}`);
  return result;
}

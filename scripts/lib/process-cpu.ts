import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU seconds (user + system) that processes have used so far, from Linux's /proc/<pid>/stat,
 * so a benchmark can say where a machine's CPU went during a run. Processes that have exited,
 * or a system without /proc, count as zero.
 */
const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node supports

export function cpuSecondsOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime and stime (fields 14 and 15)
    } catch {
      // gone, or not Linux
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** The PostgreSQL server's processes on this machine (postmaster and backends). */
export function postgresPids(): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  return entries
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
      } catch {
        return false;
      }
    })
    .map(Number);
}

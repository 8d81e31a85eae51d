/**
 * `npm run bench:topology [-- --duration=10 --connections=1,50]`: a few of the bench's scenarios
 * against a running scale-out topology (scripts/scale-out.sh start), once through nginx (two
 * instances, round robin) and once against the first instance alone (same PgBouncer, primary and
 * replica), so the table shows what the second instance and the proxy cost or bring on this
 * machine. The data is the topology's own (the demo data), not the bench's generated scale.
 * Options: --url (nginx), --direct (one instance), --duration (s), --connections.
 */
import { machineLines } from "./report";
import { BENCH_ACCOUNTS, measure, SCENARIOS, type ScenarioContext, type Sessions, settle } from "./scenarios";
import { signIn } from "./server";

// Routes whose paths need no generated rows: the yardstick, a list, the figures read on the
// replica, and the staff home.
const PICKED = [
  "ping (no database)",
  "organization list (virtual, q=助老)",
  "notifications unread count",
  "staff to-do (home)",
  "recruitment figures (viewer, base)",
  "recruitment figures (liaison, town)",
];

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  const arg = process.argv.slice(2).find((a) => a.startsWith(prefix));
  return arg ? arg.slice(prefix.length) : fallback;
}

async function main(): Promise<void> {
  const viaNginx = option("url", process.env.SCALE_OUT_URL ?? "http://127.0.0.1:28080");
  const direct = option("direct", "http://127.0.0.1:23001");
  const seconds = Number(option("duration", "10"));
  const connections = option("connections", "1,50").split(",").map(Number);
  const sessions = {} as Sessions;
  // Sessions live in the database: one sign-in through nginx serves both targets.
  for (const account of BENCH_ACCOUNTS) sessions[account] = await signIn(viaNginx, account);
  const context: ScenarioContext = {
    organizationIds: [],
    callId: "",
    applicationIds: [],
    roundId: "",
    expertReviewIds: [],
    cohortId: "",
    incubatedOrganizationIds: [],
    serviceRequestIds: [],
    projectIds: [],
  };
  const lines = [
    ...machineLines(`npm run bench:topology -- ${process.argv.slice(2).join(" ")}`.trim()),
    "",
    "| scenario | conn. | one instance req/s | p50 ms | p99 ms | two via nginx req/s | p50 ms | p99 ms | ratio |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  let failed = false;
  for (const scenario of SCENARIOS.filter((s) => PICKED.includes(s.name))) {
    for (const c of connections) {
      const run = async (url: string) => {
        await settle(url);
        const m = await measure({ url, scenario, context, connections: c, seconds, sessions });
        if (m.non2xx > 0 || m.errors > 0) {
          failed = true;
          console.error(`${scenario.name} at ${url}: ${JSON.stringify(m.statusCodes)}, ${m.errors} errors`);
        }
        return m;
      };
      const one = await run(direct);
      const two = await run(viaNginx);
      const row = `| ${scenario.name} | ${c} | ${one.requestsPerSecond.toFixed(0)} | ${one.p50.toFixed(1)} | ${one.p99.toFixed(1)} | ${two.requestsPerSecond.toFixed(0)} | ${two.p50.toFixed(1)} | ${two.p99.toFixed(1)} | ${(two.requestsPerSecond / one.requestsPerSecond).toFixed(2)} |`;
      console.log(row);
      lines.push(row);
    }
  }
  console.log(`\n${lines.join("\n")}`);
  if (failed) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

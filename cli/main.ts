import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { createLogger, Govflow, GovflowError, systemActor } from '../engine';
import { migrateFlatDepartments, parseUnitFile, unitKinds } from '../engine/org';
import type { UnitKind } from '../engine/records';
import { projectRoot } from '../scripts/services';
import { announceServices, connect, embeddedDataDir, startEmbeddedServices, type Connection } from './connection';
import { dueCommand, type DueOptions } from './due-command';
import { importSqliteStore } from './import-sqlite';
import { run, stopOnSignal } from './run';

const program = new Command('govflow')
  .description('govflow: BPMN workflows for government approvals, enforcement and e-supervision')
  .showHelpAfterError()
  .exitOverride(); // usage errors exit with 2 (below), like every refused input

const port = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new InvalidArgumentError('a port is 0–65535');
  return parsed;
};
const defaultPort = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
/** Who the CLI's changes are audited as: whoever may run it on the server holds the store anyway. */
const cliActor = { ...systemActor, username: 'cli' };

program
  .command('start')
  .description('the embedded default: local MongoDB-protocol server and Redis under .govflow/, the API and a worker')
  .option('-p, --port <port>', 'HTTP port', port, defaultPort)
  .action(async (options: { port: number }) => {
    const services = await startEmbeddedServices();
    const forget = announceServices(services);
    const connection: Connection = { ...services, release: async () => (forget(), services.stop()) };
    stopOnSignal(await run(connection, { api: true, worker: true, port: options.port, host }));
  });

program
  .command('serve')
  .description('an API node (MONGODB_URI, REDIS_URL, GOVFLOW_JWT_SECRET)')
  .option('-p, --port <port>', 'HTTP port', port, defaultPort)
  .action(async (options: { port: number }) => {
    stopOnSignal(await run(await connect(), { api: true, worker: false, port: options.port, host }));
  });

program
  .command('worker')
  .description('a worker: timers, deadlines and repair of interrupted commands')
  .action(async () => {
    stopOnSignal(await run(await connect(), { api: false, worker: true, port: 0, host }));
  });

program
  .command('deploy <file>')
  .description('deploy a BPMN file as the next version of its process')
  .action((file: string) =>
    withGovflow(async (govflow) => {
      const outcome = await govflow.definitions.deploy(readFileSync(file, 'utf8'), cliActor);
      print(outcome);
    }),
  );

const rolesHelp = 'comma-separated: applicant, clerk, leader, supervisor, designer, admin (machine clients: govflow client add)';

const user = program.command('user').description('manage users (each change audited; running API nodes see it within seconds)');
user
  .command('add <name>')
  .description('create a user')
  .requiredOption('--password <password>', 'initial password')
  .requiredOption('--roles <roles>', rolesHelp)
  .option('--name <name>', "the person's name as colleagues read it (张三)")
  .option('--department <department>', 'department the user works in')
  .option('--groups <groups>', 'comma-separated candidate groups, as role@department')
  .action((username: string, options: { password: string; roles: string; name?: string; department?: string; groups?: string }) =>
    withGovflow(async (govflow) => {
      const added = await govflow.userAdmin.create({ username, name: options.name, password: options.password, roles: list(options.roles), department: options.department, groups: list(options.groups) }, cliActor);
      print({ username: added.username, name: added.name, roles: added.roles, department: added.department, groups: added.groups });
    }),
  );
user
  .command('rename <username> <name>')
  .description("set the person's name, shown instead of the username")
  .action((username: string, name: string) => withGovflow(async (govflow) => print(await govflow.userAdmin.rename(username, name, cliActor))));
user
  .command('disable <name>')
  .description('disable a user: no sign-in, and their tokens refused within seconds')
  .action((name: string) => withGovflow(async (govflow) => print(await govflow.userAdmin.disable(name, cliActor))));
user
  .command('enable <name>')
  .description('enable a disabled user again')
  .action((name: string) => withGovflow(async (govflow) => print(await govflow.userAdmin.enable(name, cliActor))));
user
  .command('set-roles <name>')
  .description("replace a user's roles, and their department and groups when given")
  .requiredOption('--roles <roles>', rolesHelp)
  .option('--department <department>', 'department the user works in')
  .option('--groups <groups>', 'comma-separated candidate groups, as role@department')
  .action((name: string, options: { roles: string; department?: string; groups?: string }) =>
    withGovflow(async (govflow) => {
      print(await govflow.userAdmin.setAccess(name, { roles: list(options.roles), department: options.department, groups: options.groups === undefined ? undefined : list(options.groups) }, cliActor));
    }),
  );

const client = program.command('client').description("machine clients of other departments' systems: client credentials scoped to topics (each change audited)");
client
  .command('add <clientId>')
  .description('issue client credentials; the secret is printed this once')
  .requiredOption('--topics <topics>', 'comma-separated external-task topics and message names it works, or *')
  .option('--department <department>', 'the department whose system it is')
  .action((clientId: string, options: { topics: string; department?: string }) =>
    withGovflow(async (govflow) => print(await govflow.clients.issue({ clientId, topics: list(options.topics), department: options.department }, cliActor))),
  );
client
  .command('list')
  .description('the machine clients and their topics')
  .action(() => withGovflow(async (govflow) => print(await govflow.clients.list({ limit: 500, offset: 0 }, cliActor))));
client
  .command('set-topics <clientId>')
  .description('replace the topics a client may work')
  .requiredOption('--topics <topics>', 'comma-separated topics, or *')
  .action((clientId: string, options: { topics: string }) => withGovflow(async (govflow) => print(await govflow.clients.setTopics(clientId, list(options.topics), cliActor))));
client
  .command('rotate <clientId>')
  .description('a new secret, printed this once; the old one and its tokens stop working')
  .action((clientId: string) => withGovflow(async (govflow) => print(await govflow.clients.rotate(clientId, cliActor))));
client
  .command('revoke <clientId>')
  .description('revoke a client: no sign-in, and its tokens refused within seconds')
  .action((clientId: string) => withGovflow(async (govflow) => print(await govflow.clients.revoke(clientId, cliActor))));

const org = program.command('org').description('the organisation tree (目录服务): city, districts, bureaus, sections, windows and supervision offices (each change audited)');
org
  .command('list')
  .description('every unit, parents before children, with its path of names')
  .action(() => withGovflow(async (govflow) => print(await govflow.org.list())));
org
  .command('add <code>')
  .description('add a unit')
  .requiredOption('--name <name>', 'its Chinese name')
  .requiredOption('--kind <kind>', `one of ${unitKinds.join(', ')}`)
  .option('--parent <code>', 'the unit it belongs to (none only for the root, the city)')
  .action((code: string, options: { name: string; kind: UnitKind; parent?: string }) => withGovflow(async (govflow) => print(await govflow.org.add({ code, name: options.name, kind: options.kind, parent: options.parent ?? null }, cliActor))));
org
  .command('set <code>')
  .description('rename a unit, change its kind or move it')
  .option('--name <name>', 'its new name')
  .option('--kind <kind>', `one of ${unitKinds.join(', ')}`)
  .option('--parent <code>', 'the unit it moves under')
  .action((code: string, options: { name?: string; kind?: UnitKind; parent?: string }) => withGovflow(async (govflow) => print(await govflow.org.change(code, options, cliActor))));
org
  .command('import <file>')
  .description('bring the tree in line with a CSV (header code,name,kind,parent) or JSON file; nothing changes if a row is wrong')
  .option('--dry-run', 'only print what would be created and changed')
  .action((file: string, options: { dryRun?: boolean }) =>
    withGovflow(async (govflow) => {
      const units = parseUnitFile(readFileSync(file, 'utf8'), file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
      print(await govflow.org.import(units, cliActor, { dryRun: options.dryRun === true }));
    }),
  );
org
  .command('migrate')
  .description('put the departments of a store from before the tree under one city root, codes kept; processes become the root\'s')
  .option('--dry-run', 'only print what would be created')
  .option('--root <code>', 'the code of the city root, when there is none yet', 'city')
  .option('--root-name <name>', 'its name', '市人民政府')
  .action((options: { dryRun?: boolean; root: string; rootName: string }) =>
    withGovflow(async (govflow) => print(await migrateFlatDepartments(govflow.store.models, govflow.org, { rootCode: options.root, rootName: options.rootName, dryRun: options.dryRun === true }, cliActor))),
  );

program
  .command('reconcile')
  .description('schedule again every deadline, timer, thrown message, call and timer start the store says is owed (after Redis lost its data)')
  .action(() =>
    withGovflow(async (govflow) => {
      print({ scheduled: await govflow.reconcileDeadlines() });
    }),
  );

program
  .command('due')
  .description('compute a statutory deadline in China working days: prints {dueDate, due, warnAt, warnings}')
  .requiredOption('--from <instant>', 'start of the limit, an ISO 8601 instant with offset')
  .requiredOption('--limit <limit>', '<N>WD working days, <N>D natural days or <N>H hours')
  .option('--pause <from/to>', 'a pause of the clock, two ISO instants joined by "/"; repeatable', (value: string, all: string[]) => [...all, value], [])
  .option('--warn <W>', 'yellow card when W working days or less are left', '2')
  .action(async (options: DueOptions) => print(await dueCommand(options)));

program
  .command('store')
  .description('the embedded store')
  .command('import-sqlite [folder]')
  .description('copy the embedded store of an earlier govflow (FerretDB on SQLite, default .govflow/data/ferretdb) into the store govflow uses now')
  .option('--database <name>', 'the database to copy', 'govflow')
  .action(async (folder: string | undefined, options: { database: string }) => {
    const connection = await connect();
    try {
      const dataDir = embeddedDataDir;
      print(await importSqliteStore({ projectRoot, folder: folder ?? join(dataDir, 'ferretdb'), dataDir, targetUri: connection.mongodbUri, database: options.database }));
    } finally {
      await connection.release();
    }
  });

program
  .command('audit')
  .description('audit log tools')
  .command('verify <caseId>')
  .description("verify a case's hash-chained audit log; exit code 1 when broken")
  .action((caseId: string) =>
    withGovflow(async (govflow) => {
      const verdict = await govflow.cases.verifyAudit(caseId);
      print(verdict);
      if (!verdict.ok) process.exitCode = 1;
    }),
  );

async function withGovflow(task: (govflow: Govflow) => Promise<void>): Promise<void> {
  const connection = await connect();
  const logger = createLogger('govflow-cli', 2);
  const govflow = await Govflow.create({ mongodbUri: connection.mongodbUri, redisUrl: connection.redisUrl, logger });
  try {
    await task(govflow);
  } finally {
    await govflow.close();
    await connection.release();
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

program.parseAsync().catch((error: unknown) => {
  if (error instanceof GovflowError) {
    process.stderr.write(`govflow: ${error.message}\n${error.details.map((detail) => `  ${detail.path ?? ''}: ${detail.message}\n`).join('')}`);
    process.exit(2);
  }
  // commander's errors carry a string code; a driver's (e.g. MongoServerError) a number
  const { code } = error as { code?: unknown };
  if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exit(0);
  if (typeof code === 'string' && code.startsWith('commander.')) process.exit(2); // commander has printed the reason
  process.stderr.write(`govflow: ${(error as Error).message}\n`);
  process.exit(1);
});

import type { Collection, Document, Filter } from 'mongodb';

/** What the store says it would do for a find: which fields its index scans look up, and whether it reads a whole collection. */
export interface QueryPlan {
  indexedFields: string[];
  fullScan: boolean;
}

/**
 * The store's explain of a find, read the same way on FerretDB (PostgreSQL's plan of the SQL it
 * pushes down: Index Scan, Bitmap Index Scan, Seq Scan) and on MongoDB (the winning plan's
 * IXSCAN or COLLSCAN stages), so a suite can ask "does this query use an index?" of either.
 */
export async function queryPlan<T extends Document>(collection: Collection<T>, filter: Document): Promise<QueryPlan> {
  const answer = await collection.find(filter as Filter<T>).explain('queryPlanner');
  const planner = (answer as { queryPlanner?: { Plan?: PgPlan; winningPlan?: MongoStage } }).queryPlanner;
  if (planner?.Plan) return pgPlan(planner.Plan);
  if (planner?.winningPlan) return mongoPlan(planner.winningPlan);
  throw new Error(`the store explained the query in a shape this suite does not know: ${JSON.stringify(answer).slice(0, 300)}`);
}

interface PgPlan {
  'Node Type': string;
  'Index Cond'?: string;
  Plans?: PgPlan[];
}

interface MongoStage {
  stage: string;
  keyPattern?: Record<string, unknown>;
  inputStage?: MongoStage;
  inputStages?: MongoStage[];
}

function pgPlan(root: PgPlan): QueryPlan {
  const nodes = flatten(root, (node) => node.Plans ?? []);
  // an index condition reads `(table._jsonb -> 'field'::text) @> …` or `= …`
  const fields = nodes.flatMap((node) => [...(node['Index Cond'] ?? '').matchAll(/_jsonb -> '([^']+)'::text/g)].map((match) => match[1]));
  return { indexedFields: [...new Set(fields)], fullScan: nodes.some((node) => node['Node Type'] === 'Seq Scan') };
}

function mongoPlan(root: MongoStage): QueryPlan {
  const stages = flatten(root, (stage) => [...(stage.inputStage ? [stage.inputStage] : []), ...(stage.inputStages ?? [])]);
  const fields = stages.flatMap((stage) => (stage.keyPattern ? Object.keys(stage.keyPattern) : stage.stage === 'IDHACK' || stage.stage.startsWith('EXPRESS') ? ['_id'] : []));
  return { indexedFields: [...new Set(fields)], fullScan: stages.some((stage) => stage.stage === 'COLLSCAN') };
}

function flatten<Node>(root: Node, children: (node: Node) => Node[]): Node[] {
  return [root, ...children(root).flatMap((child) => flatten(child, children))];
}

// Per-project workflows: which statuses an issue may be in, which transitions leave each status, what a
// transition's screen asks for and what it does to the resolution. Built once from the dataset; a project
// names its workflow, and a project without one gets Jira's simplified workflow over every status.
import type { DatasetResolution, DatasetStatus, DatasetTransition, DatasetWorkflow } from '../dataset/types';

export interface WorkflowTransition {
  id: string;
  name: string;
  /** Status ids it leaves from; undefined for a global transition (from every other status). */
  from?: ReadonlySet<string>;
  to: DatasetStatus;
  /** The screen's Resolution field, shown only to users with Resolve Issues. */
  resolutionScreen?: { required: boolean; default?: DatasetResolution };
  /** The resolution a "Set resolution" post function leaves when the screen gave none. */
  setsResolution?: DatasetResolution;
}

export class Workflow {
  private readonly statusIds: ReadonlySet<string>;
  private readonly fromCache = new Map<string, WorkflowTransition[]>();

  constructor(
    readonly name: string,
    /** In workflow order; the first is where new issues start. */
    readonly statuses: readonly DatasetStatus[],
    /** In ops-bar order (the order Jira lists them). */
    readonly transitions: readonly WorkflowTransition[],
  ) {
    this.statusIds = new Set(statuses.map((s) => s.id));
  }

  get initial(): DatasetStatus | undefined {
    return this.statuses[0];
  }

  has(status: DatasetStatus): boolean {
    return this.statusIds.has(status.id);
  }

  /** The transitions an issue in `status` may take; memoised, every GET transitions asks it. */
  availableFrom(status: DatasetStatus): readonly WorkflowTransition[] {
    let found = this.fromCache.get(status.id);
    if (!found) {
      found = this.transitions.filter((t) => (t.from ? t.from.has(status.id) : t.to.id !== status.id));
      this.fromCache.set(status.id, found);
    }
    return found;
  }
}

export interface WorkflowLookups {
  findStatus(nameOrId: string): DatasetStatus | undefined;
  findResolution(nameOrId: string): DatasetResolution | undefined;
}

/** The dataset's workflow, resolved against its statuses and resolutions (the loader checked the names). */
export function compileWorkflow(workflow: DatasetWorkflow, lookups: WorkflowLookups): Workflow {
  const status = (name: string): DatasetStatus => {
    const s = lookups.findStatus(name);
    if (!s) throw new Error(`Workflow ${workflow.name}: status ${name} does not exist`);
    return s;
  };
  const resolution = (name: string): DatasetResolution => {
    const r = lookups.findResolution(name);
    if (!r) throw new Error(`Workflow ${workflow.name}: resolution ${name} does not exist`);
    return r;
  };
  const transition = (t: DatasetTransition): WorkflowTransition => ({
    id: t.id,
    name: t.name,
    ...(t.from ? { from: new Set(t.from.map((n) => status(n).id)) } : {}),
    to: status(t.to),
    ...(t.resolutionScreen
      ? {
          resolutionScreen: {
            required: t.resolutionScreen.required,
            ...(t.resolutionScreen.default ? { default: resolution(t.resolutionScreen.default) } : {}),
          },
        }
      : {}),
    ...(t.setsResolution ? { setsResolution: resolution(t.setsResolution) } : {}),
  });
  return new Workflow(workflow.name, workflow.statuses.map(status), workflow.transitions.map(transition));
}

/**
 * Jira's simplified workflow (team-managed projects, and the emulator's default): one global transition
 * per status, named after it, with Jira's 11, 21, 31… ids. Reaching a done status sets Done (Won't Do for
 * a status of that name), as the emulator's status changes always have.
 */
export function simplifiedWorkflow(
  statuses: readonly DatasetStatus[],
  lookups: Pick<WorkflowLookups, 'findResolution'>,
  fallbackResolution: DatasetResolution | undefined,
): Workflow {
  const transitions = statuses.map((to, n): WorkflowTransition => {
    const sets =
      to.category === 'done'
        ? (lookups.findResolution(to.name === "Won't Do" ? "Won't Do" : 'Done') ?? fallbackResolution)
        : undefined;
    return { id: String(11 + 10 * n), name: to.name, to, ...(sets ? { setsResolution: sets } : {}) };
  });
  return new Workflow('Simplified workflow', statuses, transitions);
}

/**
 * The resolution an issue has after a transition: none outside done statuses; else the screen's value,
 * else the post function's, else what it had (a done → done move keeps it).
 */
export function resolutionAfter(
  transition: WorkflowTransition,
  current: DatasetResolution | undefined,
  fromScreen: DatasetResolution | undefined,
): DatasetResolution | undefined {
  if (transition.to.category !== 'done') return undefined;
  return fromScreen ?? transition.setsResolution ?? current;
}

import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import type { Models } from '../store/models';
import type { Actor } from '../users/actor';
import { jurisdictionOfActor, type OrgDirectory } from './org-directory';
import { covers, jurisdictionFilter } from './org-tree';

/**
 * Every process belongs to a unit: its designers, and the administrators above them, deploy it,
 * save its drafts and read them; to anyone else it does not exist (404, never "forbidden",
 * which would tell a district what its neighbour is drawing). A process deployed before there
 * was a tree belongs to the root.
 */
export class ProcessOwnership {
  readonly #models: Models;
  readonly #org: OrgDirectory;

  constructor(models: Models, org: OrgDirectory) {
    this.#models = models;
    this.#org = org;
  }

  /** The unit owning process `key` (its newest version's, else its draft's), undefined for a process nobody has saved yet. */
  async ownerOf(key: string): Promise<string | undefined> {
    const [latest] = await this.#models.definitions.find({ key }, { unit: 1 }).sort({ version: -1 }).limit(1).lean<Array<{ unit?: string }>>();
    const draft = latest ? undefined : await this.#models.drafts.findById(key, { unit: 1 }).lean<{ unit?: string }>();
    const found = latest ?? draft;
    if (!found) return undefined;
    return found.unit ?? (await this.#org.tree()).root?._id;
  }

  /**
   * The unit a save of `key` by `actor` belongs to: the one asked for, else the process's, else
   * the actor's own (the root for staff without one). Throws 404 for another jurisdiction's
   * process, 403 for a unit outside the actor's, 422 for a unit the tree does not have.
   */
  async unitForSave(key: string, actor: Actor, requested: string | undefined): Promise<string | undefined> {
    const tree = await this.#org.tree();
    const jurisdiction = jurisdictionOfActor(actor);
    const current = await this.ownerOf(key);
    if (current !== undefined && !covers(jurisdiction, current)) throw new NotFoundError('process', key);
    const unit = requested ?? current ?? actor.department ?? tree.root?._id;
    if (unit === undefined || tree.empty) return unit;
    if (!tree.has(unit)) throw new InvalidInputError(`no unit ${unit}`, [{ path: 'unit', message: 'name a unit of the organisation tree' }], 422);
    if (!covers(jurisdiction, unit)) throw new ForbiddenError(`${tree.nameOf(unit)} (${unit}) is outside the units you design for`);
    return unit;
  }

  /** Throws 404 unless the actor's jurisdiction covers process `key` (an unsaved key is nobody's yet). */
  async assertVisible(key: string, actor: Actor, what: 'process' | 'draft' = 'process'): Promise<void> {
    const owner = await this.ownerOf(key);
    if (owner !== undefined && !covers(jurisdictionOfActor(actor), owner)) throw new NotFoundError(what, key);
  }

  /** A store filter for the definitions or drafts the actor may see: their jurisdiction's; the unowned ones (the root's) only at the city level, whose jurisdiction is all. */
  visibleFilter(actor: Actor): Record<string, unknown> {
    return jurisdictionFilter(jurisdictionOfActor(actor), 'unit');
  }
}

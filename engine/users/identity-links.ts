import { createHash, randomBytes } from 'node:crypto';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { isDuplicateKey } from '../store/duplicate-key';
import type { Models } from '../store/models';
import type { IdentityLinkRecord } from '../records';
import { systemActor, type Actor } from './actor';
import type { UserAccount, UserAdministration, UserView } from './user-administration';

/** What the provider says of the person signing in: its issuer, their subject, and their name when it gives one. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  name?: string;
}

/** The provider's person signs in as an account an administrator disabled. */
export class IdentityRefusedError extends ForbiddenError {
  override name = 'IdentityRefusedError';
}

/**
 * The installation's OpenID provider's people (统一身份认证) mapped to govflow users. Staff sign in
 * as the account an administrator linked to their subject; a subject nobody linked is an
 * applicant of the public, who gets an applicant account of their own at their first sign-in —
 * never more than the applicant role, so signing in through the provider gives nobody staff
 * rights an administrator did not give. Links and accounts made are audited on the user's trail.
 */
export class IdentityLinks {
  readonly #models: Models;
  readonly #users: UserAdministration;
  readonly #now: () => Date;

  constructor(models: Models, users: UserAdministration, now: () => Date) {
    this.#models = models;
    this.#users = users;
    this.#now = now;
  }

  /** The account the person signs in as, made for an applicant on their first sign-in; refused when it is disabled. */
  async signIn(identity: ProviderIdentity): Promise<UserAccount> {
    const username = (await this.#models.identityLinks.findById(identity.subject).lean<IdentityLinkRecord>())?.username ?? (await this.#newApplicant(identity));
    const account = await this.#users.account(username);
    if (!account || account.disabled) throw new IdentityRefusedError(`the account ${username} is disabled`);
    return account;
  }

  /** Links a subject to a user (an administrator, for staff), replacing the user's own link; refused when the subject is another user's. */
  async link(username: string, subject: string, issuer: string, by: Actor): Promise<UserView> {
    if (!subject.trim() || subject.length > 255) throw new InvalidInputError('a subject is the provider\'s `sub`, 1 to 255 characters', [{ path: 'subject', message: 'must be 1 to 255 characters' }], 422);
    const user = await this.#users.get(username, by);
    const holder = await this.#models.identityLinks.findById(subject).lean<IdentityLinkRecord>();
    if (holder && holder.username !== username) throw new ConflictError(`the subject is linked to user ${holder.username}; unlink it there first`);
    if (holder) return user;
    const previous = await this.#models.identityLinks.findOne({ username }).lean<IdentityLinkRecord>();
    const stored = await this.#claim({ _id: subject, issuer, username, linkedBy: by.username, linkedAt: this.#now() });
    if (stored.username !== username) throw new ConflictError(`the subject is linked to user ${stored.username}; unlink it there first`);
    try {
      await this.#users.trail.append(username, { actor: by.username, action: 'user.identity-linked', detail: { subject, issuer } });
    } catch (error) {
      // a link nobody audited does not stand
      await this.#models.identityLinks.deleteOne({ _id: subject });
      throw error;
    }
    if (previous) await this.#models.identityLinks.deleteOne({ _id: previous._id });
    return user;
  }

  /** Removes the user's link: they sign in with their password only. */
  async unlink(username: string, by: Actor): Promise<UserView> {
    const user = await this.#users.get(username, by);
    const link = await this.#models.identityLinks.findOne({ username }).lean<IdentityLinkRecord>();
    if (!link) throw new NotFoundError('identity link of user', username);
    await this.#users.trail.append(username, { actor: by.username, action: 'user.identity-unlinked', detail: { subject: link._id } });
    await this.#models.identityLinks.deleteOne({ _id: link._id });
    return user;
  }

  /** The subject linked to the user, if any; for the administrators' view of a user. */
  async subjectOf(username: string): Promise<string | null> {
    return (await this.#models.identityLinks.findOne({ username }, { _id: 1 }).lean<{ _id: string }>())?._id ?? null;
  }

  /**
   * An applicant account for a subject nobody linked, named after the subject so two sign-ins
   * racing make one account; its password is random and never told, so only the provider signs
   * the person in.
   */
  async #newApplicant(identity: ProviderIdentity): Promise<string> {
    const username = `oidc-${createHash('sha256').update(`${identity.issuer} ${identity.subject}`).digest('hex').slice(0, 20)}`;
    const password = `${randomBytes(24).toString('base64url')}aA1#`;
    const name = identity.name?.trim().slice(0, 50) || undefined;
    await this.#users.create({ username, password, roles: ['applicant'], ...(name ? { name } : {}) }, systemActor).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
    });
    return (await this.#claim({ _id: identity.subject, issuer: identity.issuer, username, linkedBy: systemActor.username, linkedAt: this.#now() })).username;
  }

  /** Inserts a link, or answers the one already there for the subject (a racing sign-in's or link's), which stands. */
  async #claim(link: IdentityLinkRecord): Promise<IdentityLinkRecord> {
    try {
      await this.#models.identityLinks.create(link);
      return link;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const stored = await this.#models.identityLinks.findById(link._id).lean<IdentityLinkRecord>();
      if (!stored) throw error;
      return stored;
    }
  }
}

import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { StaffMember, StaffPurpose } from '../../../../engine/api-types';
import { searchStaff } from './inbox-api';

export interface StaffPickerOptions {
  /** The id of the search box, so the field's label points at it. */
  id: string;
  purpose: StaffPurpose;
  multiple: boolean;
  /** Where the picked usernames go, comma-separated: the hidden input the dialog reads. */
  value: HTMLInputElement;
}

/** How long typing pauses before the address book is asked. */
const searchDelayMs = 200;

/**
 * A colleague picker: type part of a name, a username or a unit (东城 finds everyone of 东城区),
 * pick from the matches by name and place. With nothing picked, what was typed is the value, so a
 * username or a group (`role@unit`) typed in full still works; the server checks it either way.
 */
export function staffPicker(options: StaffPickerOptions): HTMLElement {
  const chosen = new Map<string, string>();
  // a plain list of buttons, announced as it changes: each match is picked by its button, not as a listbox option
  const results = h('ul', { class: 'staff-results', id: `${options.id}-results`, 'aria-label': t('inbox.picker.results'), 'aria-live': 'polite' });
  const picked = h('div', { class: 'staff-chosen' });
  const search = h('input', { id: options.id, type: 'search', autocomplete: 'off', placeholder: t('inbox.picker.placeholder'), 'aria-controls': `${options.id}-results` });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const sync = () => {
    options.value.value = chosen.size > 0 ? [...chosen.keys()].join(',') : search.value.trim();
    replaceChildren(picked, ...[...chosen].map(([username, label]) => h('span', { class: 'chip', dataset: { username } }, label, h('button', { type: 'button', class: 'link', 'aria-label': t('inbox.picker.remove', { name: label }), onclick: () => (chosen.delete(username), sync()) }, '×'))));
  };
  const choose = (member: StaffMember) => {
    if (!options.multiple) chosen.clear();
    chosen.set(member.username, member.name ?? member.username);
    search.value = '';
    replaceChildren(results);
    sync();
  };
  const lookUp = async () => {
    const ask = ++asked;
    try {
      const { items, total } = await searchStaff(search.value.trim(), options.purpose);
      if (ask !== asked) return;
      replaceChildren(results, ...(items.length === 0 ? [h('li', { class: 'muted' }, t('inbox.picker.none'))] : items.map((member) => resultRow(member, choose))), total > items.length ? h('li', { class: 'muted' }, t('inbox.picker.more', { count: total - items.length })) : null);
    } catch {
      if (ask === asked) replaceChildren(results, h('li', { class: 'muted' }, t('inbox.picker.unavailable')));
    }
  };
  search.addEventListener('input', () => {
    sync();
    clearTimeout(timer);
    timer = setTimeout(() => void lookUp(), searchDelayMs);
  });
  search.addEventListener('focus', () => void lookUp(), { once: true });
  return h('div', { class: 'staff-picker' }, picked, search, results);
}

function resultRow(member: StaffMember, choose: (member: StaffMember) => void): HTMLElement {
  const place = member.departmentPath.join(' / ') || member.department || '';
  return h(
    'li',
    {},
    h('button', { type: 'button', class: 'staff-option', dataset: { username: member.username }, onclick: () => choose(member) }, h('strong', {}, member.name ?? member.username), h('span', { class: 'muted' }, ` ${member.username}${place ? ` · ${place}` : ''}`)),
  );
}

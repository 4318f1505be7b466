import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { Abilities } from './roles';
import { listAlerts, listIncidents, listNotices } from './supervision-api';

interface Tile {
  key: string;
  /** The tab the tile opens. */
  tab: string;
  count(): Promise<number>;
}

/** Told by a panel that changed a card or a notice, so the tiles count again. */
const changedEvent = 'supervision-changed';

export function boardChanged(): void {
  document.dispatchEvent(new Event(changedEvent));
}

const openCards = (level: 'red' | 'yellow') => async () => (await listAlerts({ level, status: 'open', kind: '', department: '', process: '' }, 1, 1)).total;

/**
 * The board's first line: how many red and yellow cards are open, how many notices wait for their
 * reply and (for the office) how many replies it has to review and how many incidents are open, each a link to its tab. Counted through
 * the same lists the tabs show, one item each, so a tile never says what its tab does not.
 */
export function summaryTiles(abilities: Abilities): HTMLElement {
  const tiles: Tile[] = [
    { key: 'red', tab: 'alerts', count: openCards('red') },
    { key: 'yellow', tab: 'alerts', count: openCards('yellow') },
    { key: 'awaiting', tab: 'notices', count: async () => (await listNotices({ awaitingReply: true }, { limit: 1, offset: 0 })).total },
    ...(abilities.office ? [{ key: 'review', tab: 'notices', count: async () => (await listNotices({ awaitingReview: true }, { limit: 1, offset: 0 })).total }] : []),
    ...(abilities.office ? [{ key: 'incidents', tab: 'incidents', count: async () => (await listIncidents(1, 1)).total }] : []),
  ];
  const root = h('ul', { class: 'sup-tiles', 'aria-label': t('sup.tiles.label') });
  const numbers = tiles.map(() => h('strong', { class: 'sup-tile-count' }, '…'));
  const count = () =>
    tiles.forEach((tile, index) =>
      void tile
        .count()
        .then((total) => (numbers[index].textContent = String(total)))
        .catch(() => (numbers[index].textContent = '—')),
    );
  document.addEventListener(changedEvent, count);
  count();
  replaceChildren(
    root,
    ...tiles.map((tile, index) => {
      const number = numbers[index];
      return h('li', { class: `sup-tile sup-tile-${tile.key}`, dataset: { tile: tile.key } }, h('a', { href: `#${tile.tab}` }, number, h('span', {}, t(`sup.tiles.${tile.key}`))));
    }),
  );
  return root;
}

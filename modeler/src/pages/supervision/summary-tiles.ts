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

const openCards = (level: 'red' | 'yellow') => async () => (await listAlerts({ level, status: 'open', kind: '', department: '', process: '' }, 1, 1)).total;

/**
 * The board's first line: how many red and yellow cards are open, how many notices wait for their
 * reply and (for the office) how many incidents are open, each a link to its tab. Counted through
 * the same lists the tabs show, one item each, so a tile never says what its tab does not.
 */
export function summaryTiles(abilities: Abilities): HTMLElement {
  const tiles: Tile[] = [
    { key: 'red', tab: 'alerts', count: openCards('red') },
    { key: 'yellow', tab: 'alerts', count: openCards('yellow') },
    { key: 'awaiting', tab: 'notices', count: async () => (await listNotices(true, { limit: 1, offset: 0 })).total },
    ...(abilities.office ? [{ key: 'incidents', tab: 'incidents', count: async () => (await listIncidents(1, 1)).total }] : []),
  ];
  const root = h('ul', { class: 'sup-tiles', 'aria-label': t('sup.tiles.label') });
  replaceChildren(
    root,
    ...tiles.map((tile) => {
      const number = h('strong', { class: 'sup-tile-count' }, '…');
      void tile
        .count()
        .then((count) => (number.textContent = String(count)))
        .catch(() => (number.textContent = '—'));
      return h('li', { class: `sup-tile sup-tile-${tile.key}`, dataset: { tile: tile.key } }, h('a', { href: `#${tile.tab}` }, number, h('span', {}, t(`sup.tiles.${tile.key}`))));
    }),
  );
  return root;
}

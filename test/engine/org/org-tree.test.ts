import { leads, type Actor } from '../../../engine/users';
import { covers, jurisdictionFilter, OrgTree } from '../../../engine/org';
import type { UnitRecord } from '../../../engine/records';

const unit = (code: string, kind: UnitRecord['kind'], parent: string | null, name = code): UnitRecord => ({ _id: code, name, kind, parent, createdAt: new Date(0) });

/** The tree's answers every scoped check rests on: what is under what, and what each member oversees. */
describe('the organisation tree', () => {
  const tree = new OrgTree([
    unit('city', 'city', null, '市人民政府'),
    unit('city-office', 'supervision-office', 'city'),
    unit('market', 'bureau', 'city', '市市场监督管理局'),
    unit('market-licensing', 'section', 'market'),
    unit('east', 'district', 'city', '东城区'),
    unit('east-office', 'supervision-office', 'east'),
    unit('east-market', 'bureau', 'east'),
    unit('east-licensing', 'section', 'east-market', '登记许可科'),
  ]);

  it('walks down a subtree parents first, siblings by code, and up a lineage from the root', () => {
    expect(tree.subtree('east')).toEqual(['east', 'east-market', 'east-licensing', 'east-office']);
    expect(tree.lineage('east-licensing')).toEqual(['city', 'east', 'east-market', 'east-licensing']);
    expect(tree.view('east-licensing')?.path).toEqual(['市人民政府', '东城区', 'east-market', '登记许可科']);
    expect(tree.isWithin('east-licensing', 'east')).toBe(true);
    expect(tree.isWithin('market-licensing', 'east')).toBe(false);
    expect(tree.subtree('nowhere')).toEqual([]);
    expect(tree.nameOf('nowhere')).toBe('nowhere');
  });

  it("gives a supervision office the unit it belongs to, the city's office the whole city, anyone else their own subtree", () => {
    expect(tree.jurisdictionOf('city-office')).toBe('all');
    expect(tree.jurisdictionOf('east-office')).toEqual(['east', 'east-market', 'east-licensing', 'east-office']);
    expect(tree.jurisdictionOf('east-market')).toEqual(['east-market', 'east-licensing']);
    expect(tree.jurisdictionOf('city')).toBe('all');
    expect(tree.jurisdictionOf(null)).toBe('all');
    // a department the tree does not know oversees only itself
    expect(tree.jurisdictionOf('tax-bureau')).toEqual(['tax-bureau']);
    // before there is a tree the installation is one flat administration, as it was
    expect(new OrgTree([]).jurisdictionOf('market')).toBe('all');
  });

  it('turns a jurisdiction into a check and a store filter', () => {
    const east = tree.jurisdictionOf('east-office');
    expect(covers(east, 'east-licensing')).toBe(true);
    expect(covers(east, 'market')).toBe(false);
    expect(covers(east, null)).toBe(false);
    expect(covers('all', null)).toBe(true);
    expect(jurisdictionFilter(east, 'department')).toEqual({ department: { $in: east } });
    expect(jurisdictionFilter('all', 'department')).toEqual({});
  });

  it("has a leader lead their unit and the sections under it, and nothing before there is a tree beyond their own", () => {
    const leader = (department: string | null, jurisdiction: Actor['jurisdiction']): Actor => ({ username: 'chief', roles: ['leader'], department, groups: [], jurisdiction });
    const eastMarket = leader('east-market', tree.jurisdictionOf('east-market'));
    expect(leads(eastMarket, 'east-licensing')).toBe(true);
    expect(leads(eastMarket, 'east-market')).toBe(true);
    expect(leads(eastMarket, 'market-licensing')).toBe(false);
    expect(leads(leader('market', 'all'), 'tax-bureau')).toBe(false);
    expect(leads(leader(null, 'all'), 'market')).toBe(false);
    expect(leads({ ...eastMarket, roles: ['clerk'] }, 'east-market')).toBe(false);
  });
});

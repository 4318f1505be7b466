import { api } from '../../shared/api-client';
import type { CaseDiagram, CaseView } from './case-types';

export function getCase(id: string): Promise<CaseView> {
  return api<CaseView>('GET', `/api/cases/${encodeURIComponent(id)}`);
}

export function getCaseDiagram(id: string): Promise<CaseDiagram> {
  return api<CaseDiagram>('GET', `/api/cases/${encodeURIComponent(id)}/diagram`);
}

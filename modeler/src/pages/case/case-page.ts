import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '../inbox/work.css';
import './case.css';
import '../inbox/work-messages';
import './case-messages';
import { startPage } from '../../shared/layout';
import { caseView } from './case-view';

/** case.html?id=<caseId>: the case viewer, for the applicant, staff and the supervision office. */
startPage(['applicant', 'clerk', 'leader', 'supervisor', 'admin'], (main, session) => caseView(main, session));

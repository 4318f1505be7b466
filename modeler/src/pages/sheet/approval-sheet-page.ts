import '../inbox/work-messages';
import './sheet-messages';
import './sheet.css';
import { startPage } from '../../shared/layout';
import { approvalSheetView } from './approval-sheet-view';

/** approval-sheet.html?id=<caseId>: a case's 审批单 to print, for staff and the supervision office. */
startPage(['clerk', 'leader', 'supervisor', 'admin'], (main) => approvalSheetView(main));

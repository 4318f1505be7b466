import '../inbox/inbox-messages';
import '../inbox/work-messages';
import '../case/case-messages';
import './hall-messages';
import '../inbox/inbox.css';
import './hall.css';
import { startPage } from '../../shared/layout';
import { startHall } from './hall-router';

/** hall.html: the online hall (网上办事大厅) for applicants — services, applying, my applications, messages. */
startPage(['applicant'], (main, session) => startHall(main, session));

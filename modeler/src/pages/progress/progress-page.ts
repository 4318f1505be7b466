import '../inbox/work-messages';
import './progress-messages';
import './progress.css';
import { startPublicPage } from '../../shared/layout';
import { progressPage } from './progress-view';

/** progress.html: the public progress query, for anyone holding a receipt; no sign-in. */
startPublicPage((main) => progressPage(main));

import './work.css';
import './inbox.css';
import './inbox-messages';
import { startPage } from '../../shared/layout';
import { inboxView } from './inbox-view';

/** inbox.html: the clerk's and leader's task inbox; `?task=<id>` opens a task beside the lists. */
startPage(['clerk', 'leader'], (main, session) => inboxView(main, session));

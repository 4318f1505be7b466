import { currentSession } from '../../shared/api-client';
import { homeOf, startPage } from '../../shared/layout';

/** The entry page: sign in, then go to the first page the user's roles allow. */
startPage(['applicant', 'clerk', 'leader', 'supervisor', 'designer', 'admin'], () => {
  const session = currentSession();
  if (session) location.replace(homeOf(session));
});

import { startPage } from '../../shared/layout';

startPage(["applicant", "clerk", "leader", "supervisor", "admin"], (main) => {
  main.textContent = 'case';
});

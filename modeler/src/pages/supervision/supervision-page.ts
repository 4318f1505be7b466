import { startPage } from '../../shared/layout';

startPage(["supervisor", "admin", "leader", "clerk"], (main) => {
  main.textContent = 'supervision';
});

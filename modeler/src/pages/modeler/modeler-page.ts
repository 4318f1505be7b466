import { startPage } from '../../shared/layout';

startPage(["designer", "admin"], (main) => {
  main.textContent = 'modeler';
});

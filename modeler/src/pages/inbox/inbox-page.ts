import { startPage } from '../../shared/layout';

startPage(['clerk', 'leader'], (main) => {
  main.textContent = 'inbox';
});

// The dashboard's stylesheet comes with its chunk (as text, see client/build.mjs), so the
// sign-in page and the agent console never download it.
import css from './dashboard.css';

if (!document.getElementById('dashboard-css')) {
  const style = document.createElement('style');
  style.id = 'dashboard-css';
  style.textContent = css;
  document.head.append(style);
}

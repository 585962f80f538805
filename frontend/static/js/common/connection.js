// The connection indicator every live page shows: a dot and a short text
// ("Ansluten", "Ansluter…", "Ingen anslutning"), kept in step with a socket.
import { t } from './i18n.js';

/** Returns an onState handler that updates the indicator #conn / #conn-text. */
export function connectionIndicator(then) {
  const box = document.getElementById('conn');
  const text = document.getElementById('conn-text');
  return (state) => {
    box.dataset.state = state;
    text.textContent = t(`live.${state}`);
    then?.(state);
  };
}

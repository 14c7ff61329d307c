/**
 * `/embed.js`: the host side of the embed protocol, for pages that are not WordPress (WordPress has
 * its own, wp-embed.js). It plays wp-embed.js's part for this service's iframes:
 * - a message is believed only when it comes from one of our iframes' windows (`event.source`): the
 *   card runs in an opaque origin, so `event.origin` is "null" and proves nothing;
 * - `{message: 'height', value}` sets the iframe's height, shows the iframe and hides the fallback
 *   blockquote just before it;
 * - on load it asks every card for its height with `{message: 'ready'}`, in case a card spoke before
 *   this script was listening.
 * The script finds its own origin from its URL, so one deployment's script never touches another's
 * iframes. Plain ES5 on purpose.
 */
export const EMBED_HOST_SCRIPT = `(function () {
  'use strict';
  var me = document.currentScript && document.currentScript.src;
  if (!me) return;
  var prefix = new URL(me).origin + '/embed/';
  var flag = '__presscardEmbed:' + prefix;
  if (window[flag]) return;
  window[flag] = true;
  var MAX_HEIGHT = 4000;

  function frames() {
    var all = document.getElementsByTagName('iframe'), out = [];
    for (var i = 0; i < all.length; i++) if (all[i].src.indexOf(prefix) === 0) out.push(all[i]);
    return out;
  }

  function show(frame) {
    var prev = frame.previousElementSibling;
    if (prev && prev.tagName === 'BLOCKQUOTE' && /(^|\\s)presscard-embed(\\s|$)/.test(prev.className)) prev.style.display = 'none';
    frame.style.removeProperty('position');
    frame.style.removeProperty('visibility');
    frame.style.removeProperty('clip');
  }

  window.addEventListener('message', function (e) {
    var data = e.data;
    if (!data || typeof data !== 'object' || data.message !== 'height') return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow !== e.source) continue;
      var height = parseInt(data.value, 10);
      if (!(height > 0)) return;
      list[i].height = String(Math.min(height, MAX_HEIGHT));
      show(list[i]);
      return;
    }
  });

  function ready() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow) list[i].contentWindow.postMessage({ message: 'ready' }, '*');
    }
  }

  ready();
  if (document.readyState !== 'complete') window.addEventListener('load', ready);
})();
`;

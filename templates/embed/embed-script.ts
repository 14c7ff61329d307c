/**
 * Script of the embed page, inlined (and allowed by its hash in the page's CSP). It speaks WordPress's
 * embed protocol (wp-includes/js/wp-embed-template.js), which /embed.js speaks too:
 * - the host puts a 10-character secret in the iframe's hash (`#?secret=abcdefghij`);
 * - the card posts `{message: 'height', value, secret}` to its parent on load, on resize and when an
 *   image loads, and again when the host asks with `{message: 'ready', secret}`;
 * - under WordPress's sandbox (`allow-scripts` only) a link cannot open a tab, so a click becomes
 *   `{message: 'link', value, secret}`, which the host follows only to the iframe's own host: the value
 *   is the card's `data-open` URL on this service, which redirects to the article.
 * Without a secret the same height messages go out (other hosts read them), and links open a new tab.
 * Plain ES5 on purpose: it runs in whatever browser a blog reader has.
 */
export const EMBED_PAGE_SCRIPT = `(function () {
  'use strict';
  var framed = window.parent !== window;
  var root = document.documentElement;
  var lastHeight = -1;
  if (framed) root.className += ' framed';

  function secret() {
    var m = /[#?&]secret=([A-Za-z0-9]{10})(?:[&#]|$)/.exec(window.location.hash);
    return m ? m[1] : undefined;
  }

  function post(message, value) {
    if (!framed) return;
    var data = { message: message, value: value };
    var s = secret();
    if (s) data.secret = s;
    window.parent.postMessage(data, '*');
  }

  function sendHeight(always) {
    var card = document.querySelector('.card');
    var height = Math.ceil((card || document.body).getBoundingClientRect().height);
    if (!always && height === lastHeight) return;
    lastHeight = height;
    post('height', height);
  }

  function always() { sendHeight(true); }

  window.addEventListener('message', function (e) {
    var data = e.data;
    if (e.source !== window.parent || !data || data.message !== 'ready') return;
    var s = secret();
    if (s && data.secret !== s) return;
    sendHeight(true);
  });

  document.addEventListener('click', function (e) {
    if (!secret() || e.button !== 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var link = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!link) return;
    e.preventDefault();
    post('link', link.getAttribute('data-open') || link.href);
  });

  var images = document.images;
  for (var i = 0; i < images.length; i++) images[i].addEventListener('load', always);
  if (window.ResizeObserver) new ResizeObserver(function () { sendHeight(false); }).observe(document.body);
  window.addEventListener('resize', function () { sendHeight(false); });
  window.addEventListener('hashchange', always);
  window.addEventListener('load', always);
  always();
})();`;

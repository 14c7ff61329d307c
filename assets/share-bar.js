/*
 * Presscard share bar. On any page:
 *   <presscard-share article="ARTICLE-ID"></presscard-share>
 *   <script src="https://PRESSCARD-ORIGIN/share-bar.js" async></script>
 * The element loads the bar from the origin this script came from (GET /share-bar/:id) and talks to
 * nobody else. A bar already rendered inside the element (the article page does that, so the bar
 * works with JavaScript off) is only enhanced: copy link with feedback, and the device's share sheet
 * where the Web Share API exists.
 */
(function () {
  'use strict';
  if (!window.customElements || customElements.get('presscard-share')) return;
  // currentScript is only set while this file first runs, so read the origin now.
  var script = document.currentScript;
  var base = new URL(script && script.src ? script.src : location.href).origin;

  function legacyCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:0;left:0;opacity:0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  // The async Clipboard API needs a secure context and, in some browsers, focus; fall back to the
  // older selection copy when it is missing or refuses.
  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () {
        return legacyCopy(text);
      });
    }
    return legacyCopy(text);
  }

  function enhance(bar) {
    if (!bar || bar.hasAttribute('data-enhanced')) return;
    bar.setAttribute('data-enhanced', '');
    var status = bar.querySelector('.presscard-share__status');
    var timer;

    function announce(button, message) {
      var name = button.querySelector('.presscard-share__name');
      var original = name.getAttribute('data-label') || name.textContent;
      name.setAttribute('data-label', original);
      name.textContent = message;
      button.classList.add('is-done');
      if (status) status.textContent = message;
      clearTimeout(timer);
      timer = setTimeout(function () {
        name.textContent = original;
        button.classList.remove('is-done');
        if (status) status.textContent = '';
      }, 4000);
    }

    var copy = bar.querySelector('[data-network="copy"]');
    if (copy) {
      copy.addEventListener('click', function (event) {
        event.preventDefault();
        var url = copy.getAttribute('data-copy-url');
        copyText(url).then(
          function () {
            announce(copy, bar.getAttribute('data-copied'));
            // Count the copy as the link would have: a POST to the same /s/ URL, no redirect.
            if (navigator.sendBeacon) navigator.sendBeacon(copy.href);
          },
          function () {
            window.prompt(bar.getAttribute('data-copy-failed'), url);
          }
        );
      });
    }

    var template = bar.querySelector('template.presscard-share__native');
    var data = { title: bar.getAttribute('data-title'), url: bar.getAttribute('data-share-url') };
    if (template && navigator.share && (!navigator.canShare || navigator.canShare(data))) {
      var item = template.content.firstElementChild.cloneNode(true);
      item.querySelector('button').addEventListener('click', function () {
        // Rejects with AbortError when the reader closes the sheet: nothing to do then.
        navigator.share(data).catch(function () {});
      });
      bar.querySelector('.presscard-share__list').prepend(item);
    }
  }

  class PresscardShare extends HTMLElement {
    static get observedAttributes() {
      return ['article'];
    }

    connectedCallback() {
      this.render();
    }

    attributeChangedCallback(name, previous) {
      if (previous !== null && this.isConnected) {
        this.textContent = '';
        this.render();
      }
    }

    render() {
      var own = this.querySelector('.presscard-share');
      if (own) return enhance(own);
      var id = this.getAttribute('article');
      if (!id || this.loading === id) return;
      var element = this;
      this.loading = id;
      fetch(base + '/share-bar/' + encodeURIComponent(id), { credentials: 'omit' })
        .then(function (res) {
          if (!res.ok) throw new Error('share bar: HTTP ' + res.status);
          return res.text();
        })
        .then(function (html) {
          if (element.getAttribute('article') !== id) return;
          element.innerHTML = html;
          enhance(element.querySelector('.presscard-share'));
        })
        .catch(function (err) {
          console.warn(String(err));
        })
        .then(function () {
          element.loading = undefined;
        });
    }
  }

  customElements.define('presscard-share', PresscardShare);
})();

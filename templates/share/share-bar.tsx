import type { FC } from 'hono/jsx';
import type { ShareBarModel } from '../../src/domain/share';
import { ShareIcon } from './share-icon';

/**
 * The share bar: real links to this service's counted redirects, so it works with JavaScript off.
 * /share-bar.js enhances it (copy with feedback, the device's share sheet) using the data-* texts,
 * and the `<template>` holds the share-sheet button it adds when the device has the Web Share API.
 */
export const ShareBar: FC<{ model: ShareBarModel }> = ({ model }) => (
  <nav
    class="presscard-share"
    aria-label={model.text.barLabel}
    lang={model.language}
    style={`--presscard-share-accent:${model.accent}`}
    data-article={model.articleId}
    data-copied={model.text.copied}
    data-copy-failed={model.text.copyFailed}
    data-title={model.nativeTitle}
    data-share-url={model.nativeUrl}
  >
    <link rel="stylesheet" href={model.stylesheet} />
    <ul class="presscard-share__list">
      {model.buttons.map((b) => (
        <li>
          <a
            class="presscard-share__button"
            href={b.href}
            data-network={b.network}
            data-copy-url={b.network === 'copy' ? model.copyUrl : undefined}
            aria-label={b.newWindow ? `${b.label} ${model.text.opensInNewWindow}` : b.label}
            target={b.newWindow ? '_blank' : undefined}
            rel={b.newWindow ? 'nofollow noopener' : 'nofollow'}
          >
            <ShareIcon network={b.network} />
            <span class="presscard-share__name">{b.name}</span>
          </a>
        </li>
      ))}
    </ul>
    <p class="presscard-share__status" role="status"></p>
    <template class="presscard-share__native">
      <li>
        <button type="button" class="presscard-share__button" data-network="native" aria-label={model.text.nativeShareLabel}>
          <ShareIcon network="native" />
          <span class="presscard-share__name">{model.text.nativeShare}</span>
        </button>
      </li>
    </template>
  </nav>
);

import type { FC } from 'hono/jsx';
import type { SiteConfig } from '../../src/domain/site';
import { Layout } from './layout';

export const NotFoundPage: FC<{ config: SiteConfig }> = ({ config }) => (
  <Layout config={config} title={`Not found · ${config.siteName}`}>
    <h1>Not found</h1>
    <p>There is no published article here.</p>
    <p>
      <a href="/">See the published articles</a>
    </p>
  </Layout>
);

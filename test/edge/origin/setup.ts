// globalSetup of the workers project: the test origin on a loopback port. Tests running inside
// workerd reach it with fetch and read its URL with inject('edgeOrigin').
import type { TestProject } from 'vitest/node';
import { startTestOrigin } from './test-origin';

export default async function setup(project: TestProject) {
  const server = startTestOrigin();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  project.provide('edgeOrigin', `http://127.0.0.1:${port}`);
  return () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

import { afterAll, beforeAll } from 'vitest';
import { launchFirefoxExtension, type FirefoxExtension } from './firefox';
import { serveStatic, type StaticServer } from '../../e2e/support/server';

export interface FirefoxSuite {
  readonly firefox: FirefoxExtension;
  /** Serves tests/e2e/pages and assets/demo on 127.0.0.1, like the Chromium suite. */
  readonly server: StaticServer;
}

/** One test file's Firefox with the built extension and its static server, closed after the last test. */
export function firefoxSuite(): FirefoxSuite {
  let firefox: FirefoxExtension | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic();
    firefox = await launchFirefoxExtension();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  return {
    get firefox() {
      if (!firefox) throw new Error('Firefox starts in beforeAll.');
      return firefox;
    },
    get server() {
      if (!server) throw new Error('The server starts in beforeAll.');
      return server;
    },
  };
}

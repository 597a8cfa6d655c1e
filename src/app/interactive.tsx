// The live full-screen console: Ink renders the App over the controller's store until the user quits or a
// signal arrives; then everything is stopped and the terminal handed back as it was found.
import type { Keymap } from '../../keymaps/types.js';
import type { Controller } from '../runtime/controller.js';
import { forgetCiWhenInteractive } from './ci-env.js';

const SHOW_CURSOR = '\u001b[?25h';

export async function runInteractive(controller: Controller, cleanup: () => Promise<void>, keymap?: Keymap): Promise<number> {
  forgetCiWhenInteractive();
  // dynamic: ink reads the CI variables when it is first loaded
  const { render } = await import('ink');
  const { App } = await import('../../views/App.js');

  controller.start();
  const instance = render(<App store={controller.store} keymap={keymap} />, {
    exitOnCtrlC: false,
    patchConsole: true,
    incrementalRendering: true,
    maxFps: 10,
  });

  return new Promise<number>((resolve) => {
    let done = false;
    const shutdown = async (code: number, message?: string) => {
      if (done) return;
      done = true;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
      try {
        instance.unmount();
      } catch {
        // already unmounted
      }
      controller.stop();
      try {
        await cleanup();
      } catch {
        // the process is ending; a simulator that will not stop is not worth an error
      }
      if (process.stdout.isTTY) process.stdout.write(SHOW_CURSOR);
      if (message) process.stderr.write(`hive-oncall: ${message}\n`);
      resolve(code);
    };
    const onSignal = () => void shutdown(0);
    const onCrash = (err: unknown) => void shutdown(1, err instanceof Error ? err.message : String(err));
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    controller.onQuit = () => void shutdown(0);
    instance.waitUntilExit().then(
      () => void shutdown(0),
      (err: unknown) => void shutdown(1, err instanceof Error ? err.message : String(err)),
    );
  });
}

import type { SandboxContext } from '../types.js';
import type { DyvmsHandler } from './handler.js';

/** Task Center batch tasks (CreateCallTask, ExecuteCallTask, ListCallTask, ListCallTaskDetail). */
export class TaskCenter {
  readonly handlers: Record<string, DyvmsHandler> = {};
  tick(context: SandboxContext): void {
    void context;
  }
  reset(): void {}
}

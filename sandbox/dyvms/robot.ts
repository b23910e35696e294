import type { SandboxContext } from '../types.js';
import type { DyvmsHandler } from './handler.js';

/** Robot tasks (CreateRobotTask ... QueryRobotTaskCallDetail). */
export class RobotTasks {
  readonly handlers: Record<string, DyvmsHandler> = {};
  tick(context: SandboxContext): void {
    void context;
  }
  reset(): void {}
}

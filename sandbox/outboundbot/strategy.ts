// Outbound Bot calling strategies: StrategyJson in, working windows, the strategy as answered.
import { beijingClock, clockSeconds } from '../sim-util.js';
import { invalid, parsed } from './scope.js';
import type { Strategy } from './state.js';

export function strategyFrom(value: unknown, id: string, base?: Strategy): Strategy {
  const raw = (parsed(value, 'StrategyJson') ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('StrategyJson', 'must be a JSON object');
  const windows = Array.isArray(raw.workingTime)
    ? (raw.workingTime as Array<Record<string, unknown>>).map((w, i) => {
        const beginTime = String(w?.beginTime ?? '');
        const endTime = String(w?.endTime ?? '');
        if (clockSeconds(beginTime) === undefined || clockSeconds(endTime) === undefined) throw invalid(`StrategyJson.workingTime.${i}`, 'use HH:mm:ss');
        return { beginTime, endTime };
      })
    : undefined;
  const n = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));
  return {
    id: base?.id ?? id,
    name: typeof raw.name === 'string' ? raw.name : (base?.name ?? 'sandbox strategy'),
    maxAttemptsPerDay: n(raw.maxAttemptsPerDay) ?? base?.maxAttemptsPerDay ?? 1,
    minAttemptInterval: n(raw.minAttemptInterval) ?? base?.minAttemptInterval ?? 10,
    startTime: n(raw.startTime) ?? base?.startTime,
    endTime: n(raw.endTime) ?? base?.endTime,
    workingTime: windows ?? base?.workingTime ?? [],
    repeatBy: typeof raw.repeatBy === 'string' ? raw.repeatBy : (base?.repeatBy ?? 'Once'),
    routingStrategy: typeof raw.routingStrategy === 'string' ? raw.routingStrategy : (base?.routingStrategy ?? 'LocalFirst'),
  };
}

/** Whether the strategy lets the group dial at sandbox time `at` (working windows in Beijing time). */
export function inWindow(strategy: Strategy, at: number): boolean {
  if (strategy.startTime !== undefined && at < strategy.startTime) return false;
  if (strategy.endTime !== undefined && at >= strategy.endTime) return false;
  if (!strategy.workingTime.length) return true;
  const { seconds } = beijingClock(at);
  return strategy.workingTime.some((w) => {
    const from = clockSeconds(w.beginTime) ?? 0;
    const to = clockSeconds(w.endTime) ?? 86_400;
    return seconds >= from && seconds < to;
  });
}

export function strategyOut(s: Strategy) {
  return {
    StrategyId: s.id,
    StrategyName: s.name,
    StrategyDescription: '',
    Type: 'Repeatable',
    StartTime: s.startTime ?? 0,
    EndTime: s.endTime ?? 0,
    MaxAttemptsPerDay: s.maxAttemptsPerDay,
    MinAttemptInterval: s.minAttemptInterval,
    RepeatBy: s.repeatBy,
    RepeatDays: [],
    RoutingStrategy: s.routingStrategy,
    FollowUpStrategy: 'CONTINUE',
    IsTemplate: false,
    Customized: '{}',
    WorkingTime: s.workingTime.map((w) => ({ BeginTime: w.beginTime, EndTime: w.endTime })),
  };
}

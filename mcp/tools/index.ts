// Every MCP tool, in tools/list order. A tool is one file in this folder; add it here.
import { add_task_callees } from './add_task_callees.js';
import { control_task } from './control_task.js';
import { create_call_task } from './create_call_task.js';
import type { McpTool } from './define.js';
import { describe_operation } from './describe_operation.js';
import { get_call_result } from './get_call_result.js';
import { get_recording_url } from './get_recording_url.js';
import { get_task_call_detail } from './get_task_call_detail.js';
import { get_task_status } from './get_task_status.js';
import { invoke_operation } from './invoke_operation.js';
import { list_robot_scripts } from './list_robot_scripts.js';
import { list_task_calls } from './list_task_calls.js';
import { place_call } from './place_call.js';
import { search_operations } from './search_operations.js';
import { wait_for_call_result } from './wait_for_call_result.js';

export const TOOLS: readonly McpTool[] = [
  place_call,
  get_call_result,
  wait_for_call_result,
  list_robot_scripts,
  create_call_task,
  add_task_callees,
  control_task,
  get_task_status,
  list_task_calls,
  get_task_call_detail,
  get_recording_url,
  search_operations,
  describe_operation,
  invoke_operation,
];

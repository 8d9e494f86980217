-- Completing a task looks for its subtasks (the engine's TaskManager.findTasksByParentTaskId),
-- and the engine's schema has no index for it: every completion read every open task, a cost
-- that grew with the open cases of the whole service.
create index HF_IDX_TASK_PARENT on ${engine}ACT_RU_TASK(PARENT_TASK_ID_);

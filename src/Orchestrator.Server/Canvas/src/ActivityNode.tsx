import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { DonePort, FailedPort, type ActivityData } from './graph';

const statusText = (state: string, outcome?: string | null): string =>
  state === 'done' ? `done${outcome && outcome !== DonePort ? ` → ${outcome}` : ''}` : state;

/** One activity: its id (or name) and type, an input handle on the left, one labelled handle per outcome port on the
 * right, and what the validator says is wrong with it. */
export const ActivityNode = memo(function ActivityNode({ data, selected }: NodeProps<Node<ActivityData>>) {
  const { activity } = data;
  const ports = activity.ports.length > 0 ? activity.ports : [DonePort];
  const errors = activity.errors ?? [];
  const status = activity.status;
  const classes = ['activity-node', selected ? 'selected' : '', errors.length > 0 ? 'invalid' : '', status ? `status-${status.state}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-activity-id={activity.id} data-errors={errors.length} data-status={status?.state}>
      {status && status.state !== 'pending' && status.state !== 'unchanged' && (
        <div className="activity-status" title={status.detail ?? undefined}>
          {statusText(status.state, status.outcome)}
          {status.runs > 1 ? ` ×${status.runs}` : ''}
        </div>
      )}
      <Handle type="target" position={Position.Left} />
      <div className="activity-title">
        {activity.name ?? activity.id}
        {errors.length > 0 && (
          <span className="activity-errors" title={errors.join('\n')} aria-label={`${errors.length} problem(s): ${errors.join(' ')}`}>
            {errors.length}
          </span>
        )}
      </div>
      <div className="activity-type">
        {activity.name ? `${activity.id} · ` : ''}
        {activity.displayName ?? activity.type}
      </div>
      <div className="activity-ports">
        {ports.map((port) => (
          <div key={port} className={`activity-port${port === FailedPort ? ' failed' : ''}`} data-port={port}>
            <span>{port}</span>
            <Handle type="source" id={port} position={Position.Right} />
          </div>
        ))}
      </div>
    </div>
  );
});

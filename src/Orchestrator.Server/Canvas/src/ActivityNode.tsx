import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { FailedPort, type ActivityData } from './graph';

/** One activity: its id and type, an input handle on the left and one labelled handle per outcome port on the right. */
export function ActivityNode({ data, selected }: NodeProps<Node<ActivityData>>) {
  const { activity } = data;
  const ports = activity.ports.length > 0 ? activity.ports : ['Done'];
  return (
    <div className={`activity-node${selected ? ' selected' : ''}`} data-activity-id={activity.id}>
      <Handle type="target" position={Position.Left} />
      <div className="activity-title">{activity.id}</div>
      <div className="activity-type">{activity.displayName ?? activity.type}</div>
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
}

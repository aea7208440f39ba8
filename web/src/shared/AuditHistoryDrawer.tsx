import { Alert, Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { z } from 'zod';
import { AuditEntryOut } from '../../../src/contracts/audit.ts';
import { api, errorText } from '../app/api.ts';
import { useI18n } from '../app/lang.tsx';
import { useLoad } from './useLoad.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { actionLabel } from './auditLabels.ts';

/** The 历史 drawer: every audit entry of one entity, newest first, each with its before/after diff. */
export function AuditHistoryDrawer(props: { entityType: string; entityId: string; title: string; onClose(): void }) {
  const { t, lang, dateTime } = useI18n();
  const { data, loading, error } = useLoad(
    () => api.get('/api/audit', z.array(AuditEntryOut), { entityType: props.entityType, entityId: props.entityId, limit: 200 }),
    [props.entityType, props.entityId],
  );
  return (
    <Drawer open title={props.title} size={720} onClose={props.onClose} destroyOnHidden data-testid="history-drawer">
      {error ? <Alert type="error" showIcon title={errorText(error, lang)} /> : null}
      {loading ? <Spin /> : null}
      {!loading && !error && !data?.length ? <Empty description={t('audit.empty')} /> : null}
      {data?.length ? (
        <Timeline
          items={data.map((e) => ({
            key: e.seq,
            color: e.action === 'create' ? 'green' : 'blue',
            content: (
              <div data-testid="history-entry">
                <div style={{ marginBottom: 8 }}>
                  <Tag color={e.action === 'create' ? 'green' : 'blue'}>{actionLabel(t, e.action)}</Tag>
                  <Typography.Text>{dateTime(e.at)}</Typography.Text>
                  <Typography.Text type="secondary"> · {e.actorName} · #{e.seq}</Typography.Text>
                </div>
                <AuditChanges before={e.before} after={e.after} />
              </div>
            ),
          }))}
        />
      ) : null}
    </Drawer>
  );
}

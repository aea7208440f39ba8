import { useState } from 'react';
import { Alert, App as AntApp, Button, Result, Space, Spin } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { PointAlarms } from './alarms/PointAlarms.tsx';
import { monitoringApi } from './api.ts';
import { CompletenessCard } from './point/CompletenessCard.tsx';
import { EventsCard } from './point/EventsCard.tsx';
import { PointInfo } from './point/PointInfo.tsx';
import { SeriesCard } from './point/SeriesCard.tsx';
import { PointFormModal } from './points/PointFormModal.tsx';
import { useMonitoringScope } from './scope.ts';
import { useLive } from './useLive.ts';
import './monitoring.css';

/** One monitoring point: its registration, series, completeness, alarms and ingest events; 编辑 for those who may. */
export default function PointPage() {
  const { mn = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { mayWrite } = useMonitoringScope();
  const live = useLive(() => monitoringApi.point(mn), [mn]);
  const [editing, setEditing] = useState(false);
  const point = live.data;
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/monitoring')}>{t('monitoring.point.back')}</Button>;

  if (!point) {
    if (live.error instanceof ApiError && live.error.status === 404) {
      return <Result status="404" title={t('monitoring.point.notFound', { mn })} subTitle={errorText(live.error, lang)} extra={back} />;
    }
    return live.error ? <Alert type="error" showIcon title={errorText(live.error, lang)} action={back} /> : <div className="st-center"><Spin /></div>;
  }
  return (
    <>
      <PageHeader title={`${point.name} · ${point.enterpriseName}`} extra={(
        <Space>
          {back}
          {mayWrite(point) ? <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="point-edit">{t('common.edit')}</Button> : null}
        </Space>
      )} />
      <PointInfo point={point} now={live.refreshedAt ?? Date.now()} />
      <SeriesCard point={point} />
      <CompletenessCard point={point} />
      <PointAlarms mn={point.mn} />
      <EventsCard mn={point.mn} />
      {editing ? (
        <PointFormModal editing={point} onClose={() => setEditing(false)}
          onSaved={() => { message.success(t('common.saved')); setEditing(false); void live.refresh(); }} />
      ) : null}
    </>
  );
}

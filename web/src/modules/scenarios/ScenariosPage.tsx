import { useEffect, useState } from 'react';
import { Empty, Card } from 'antd';
import { useI18n } from '../../app/lang.tsx';
import { usePermission } from '../../app/permissions.ts';
import { useRegion } from '../../app/region.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { scenariosApi, type ScenarioFile } from './api.ts';
import { FilesCard } from './FilesCard.tsx';
import { Workspace } from './Workspace.tsx';
import './scenarios.css';

/**
 * 情景分析: the scenario files of the region chosen in the header, and the one opened for work (lever
 * editor with live preview, stored runs, charts). Engine and formats: src/core/scenarios/README.md.
 */
export default function ScenariosPage() {
  const { t, nameOf } = useI18n();
  const { selected: region } = useRegion();
  const permitted = usePermission();
  const { data, loading, error, setData } = useLoad(() => (region ? scenariosApi.list(region.code) : Promise.resolve([])), [region?.code]);
  const files = data ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const canWrite = !!region && permitted('scenario.write', { regionId: region.id });

  // The first file of the region opens by default; a region change starts over.
  useEffect(() => { setChosen(null); }, [region?.code]);
  const open = files.find((f) => f.id === chosen) ?? (chosen === null ? files[0] : undefined) ?? null;

  const upsert = (f: ScenarioFile) => {
    setData((list) => {
      const rest = (list ?? []).filter((x) => x.id !== f.id);
      return [...rest, f].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    });
  };

  return (
    <>
      <PageHeader title={t('scenarios.title')} />
      <FilesCard
        files={files} loading={loading} error={error} selected={open?.id ?? null} onSelect={setChosen} canWrite={canWrite}
        regionCode={region?.code ?? ''} regionName={region ? nameOf(region) : ''}
        onCreated={(f) => { upsert(f); setChosen(f.id); }}
        onDeleted={(id) => { setData((list) => (list ?? []).filter((x) => x.id !== id)); setChosen(null); }}
      />
      {open ? (
        <Workspace key={open.id} file={open} canWrite={canWrite} regionName={region ? nameOf(region) : ''} onSaved={upsert} />
      ) : !loading ? (
        <Card className="st-workspace"><Empty description={t(canWrite ? 'scenarios.noFile' : 'scenarios.noFileReadOnly')} /></Card>
      ) : null}
    </>
  );
}

import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Row, Select, Space, Tag, Typography } from 'antd';
import { DatabaseOutlined, PlayCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { ApiError, errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { runReport, scenariosApi, type ScenarioFile, type ScenarioRun } from './api.ts';
import { stableJson } from './edit.ts';
import { namer, paren } from './format.ts';
import { usePreview } from './usePreview.ts';
import { RunModal, type RunPhase } from './RunModal.tsx';
import { InventoryBaseModal } from './InventoryBaseModal.tsx';
import { PlanTargetsPanel } from './PlanTargetsPanel.tsx';
import { ScenarioEditor } from './ScenarioEditor.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import type { ScenarioInput, Shown } from './types.ts';

/**
 * One scenario file open for work: the draft being edited (in memory until 保存), its live preview, the
 * stored runs, and the results of whichever is shown. Anyone may edit the draft to see a preview (also
 * from an inventory, 从清单生成基年, and with the plan's targets); saving and running need scenario.write for
 * the file's region (`canWrite`). A save names the version it was edited from: if someone saved another
 * meanwhile the server refuses it (409) and says who. A run is queued in a worker and followed to the end.
 */
interface Props { file: ScenarioFile; canWrite: boolean; regionName: string; onSaved(f: ScenarioFile): void }

export function Workspace({ file, canWrite, regionName, onSaved }: Props) {
  const { t, lang, nameOf, dateTime } = useI18n();
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState<ScenarioInput>(() => structuredClone(file.input as ScenarioInput));
  const [active, setActive] = useState<string>(draft.scenarios[0]?.id ?? '');
  const [view, setView] = useState<'preview' | number>('preview');
  const [run, setRun] = useState<ScenarioRun | null>(null);
  const [viewError, setViewError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [runOpen, setRunOpen] = useState(false);
  const [invOpen, setInvOpen] = useState(false);
  const preview = usePreview(draft);
  const savedJson = useMemo(() => stableJson(file.input), [file.input]);
  const dirty = useMemo(() => stableJson(draft) !== savedJson, [draft, savedJson]);

  const change = (next: ScenarioInput) => { setDraft(next); setView('preview'); };
  const save = async () => {
    setSaving(true);
    try {
      onSaved(await scenariosApi.patch(file.id, { input: draft, updatedAt: file.updatedAt }));
      message.success(t('scenarios.saved'));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setSaving(false);
    }
  };
  const doRun = async (draws: number, seed: number, phase: (p: RunPhase) => void) => {
    if (dirty) { phase({ kind: 'saving' }); onSaved(await scenariosApi.patch(file.id, { input: draft, updatedAt: file.updatedAt })); }
    let state = await scenariosApi.run(file.id, draws, seed);
    phase({ kind: 'job', state });
    while (state.status === 'queued' || state.status === 'running') {
      await new Promise((r) => setTimeout(r, 400));
      state = await scenariosApi.runStatus(state.id);
      phase({ kind: 'job', state });
    }
    onSaved(await scenariosApi.get(file.id));
    if (state.status === 'failed') {
      const e = state.error ?? { code: 'failed', zh: '运行失败', en: 'the run failed' };
      throw new ApiError(0, { code: e.code, zh: e.zh, en: e.en, issues: [{ zh: e.zh, en: e.en }] });
    }
    const r = await scenariosApi.getRun(file.id, state.id);
    setRun(r);
    setView(r.id);
    message.success(t('scenarios.runDone', { id: r.id }));
  };
  const showRun = async (v: 'preview' | number) => {
    setViewError(null);
    if (v === 'preview' || run?.id === v) { setView(v); return; }
    try {
      const r = await scenariosApi.getRun(file.id, v);
      setRun(r);
      setView(v);
    } catch (e) {
      setViewError(e);
    }
  };

  const shown: (Shown & { input: ScenarioInput }) | null = useMemo(() => {
    if (view === 'preview') {
      return preview.report && preview.input
        ? { report: preview.report, input: preview.input, source: { kind: 'preview', draws: preview.draws, seed: preview.seed } } : null;
    }
    const report = run && run.id === view ? runReport(run) : null;
    return run && report ? {
      report, input: run.input as ScenarioInput,
      source: { kind: 'run', id: run.id, draws: run.draws, seed: run.seed, createdAt: run.createdAt, createdBy: run.createdBy },
    } : null;
  }, [view, preview, run]);

  const names = namer(draft, lang);
  const note = draft.region.note;
  const fileRegion = nameOf(draft.region);
  const sourceLabel = !shown ? '' : shown.source.kind === 'preview'
    ? t('scenarios.previewLabel', { draws: shown.source.draws, seed: shown.source.seed })
    : t('scenarios.runLabel', { id: shown.source.id, draws: shown.source.draws.toLocaleString(), seed: shown.source.seed, time: dateTime(shown.source.createdAt), user: shown.source.createdBy ?? '—' });

  return (
    <>
      <Card
        size="small" className="st-workspace" data-testid="scenario-workspace"
        title={(
          <Space size={8} wrap>
            {canWrite ? (
              <Typography.Text strong editable={{
                tooltip: t('scenarios.rename'), triggerType: ['icon'],
                onChange: (name) => { if (name.trim() && name !== file.name) scenariosApi.patch(file.id, { name: name.trim(), updatedAt: file.updatedAt }).then(onSaved, (e: unknown) => message.error(errorText(e, lang))); },
              }} data-testid="file-name">{file.name}</Typography.Text>
            ) : <Typography.Text strong data-testid="file-name">{file.name}</Typography.Text>}
            {dirty ? <Tag color="orange" data-testid="dirty-tag">{t('scenarios.dirty')}</Tag> : null}
            {!canWrite ? <Tag>{t('scenarios.readOnly')}</Tag> : null}
          </Space>
        )}
        extra={(
          <Space wrap>
            <span className="st-muted">{t('scenarios.runs')}</span>
            <Select<'preview' | number>
              size="small" value={view} style={{ minWidth: 220 }} popupMatchSelectWidth={false} data-testid="view-select"
              onChange={(v) => void showRun(v)}
              options={[{ value: 'preview' as const, label: t('scenarios.viewPreview') }, ...file.runs.map((r) => ({
                value: r.id, disabled: r.status !== 'done',
                label: t('scenarios.runOption', { id: r.id, draws: r.draws.toLocaleString(), seed: r.seed, time: dateTime(r.createdAt) })
                  + (r.status === 'done' ? '' : ` · ${t(`scenarios.runStatus.${r.status}`, { percent: r.percent })}`),
              }))]}
            />
            <Button icon={<DatabaseOutlined />} onClick={() => setInvOpen(true)} data-testid="from-inventory">{t('scenarios.inv.button')}</Button>
            {canWrite ? <Button icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()} data-testid="scenario-save">{t('scenarios.save')}</Button> : null}
            {canWrite ? <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setRunOpen(true)} data-testid="scenario-run">{t('scenarios.run')}</Button> : null}
          </Space>
        )}
      >
        {note ? (
          <Alert
            type="info" showIcon className="st-note-alert" data-testid="file-note"
            title={draft.region.code !== file.regionCode
              ? t('scenarios.sampleOf', { name: fileRegion + (draft.region.code ? paren(lang, draft.region.code) : ''), region: regionName })
              : `${t('scenarios.fileRegion')}${lang === 'zh' ? '：' : ': '}${fileRegion}`}
            description={<Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>{note}</Typography.Paragraph>}
          />
        ) : null}
        {preview.issues.length ? (
          <Alert type="error" showIcon data-testid="preview-issues" className="st-note-alert"
            title={t('scenarios.previewStale', { count: preview.issues.length })}
            description={<ul className="st-issue-list">{preview.issues.map((i, k) => <li key={k}>{lang === 'zh' ? i.zh : i.en}</li>)}</ul>} />
        ) : null}
        {preview.error ? <Alert type="error" showIcon className="st-note-alert" title={`${t('scenarios.previewError')}${lang === 'zh' ? '：' : ': '}${errorText(preview.error, lang)}`} /> : null}
        <ScenarioEditor file={draft} active={active} onActive={setActive} issues={preview.issues} names={names} report={shown?.report ?? null} onChange={change} />
      </Card>
      <PlanTargetsPanel regionCode={file.regionCode} draft={draft} onChange={change} />
      <Row align="middle" gutter={8} className="st-source-row">
        <Col><Tag color={shown?.source.kind === 'run' ? 'green' : 'blue'} data-testid="shown-source">{sourceLabel || t('scenarios.previewing')}</Tag></Col>
        {preview.loading && view === 'preview' ? <Col><Typography.Text type="secondary">{t('scenarios.previewing')}</Typography.Text></Col> : null}
        {viewError ? <Col><Typography.Text type="danger">{errorText(viewError, lang)}</Typography.Text></Col> : null}
      </Row>
      {shown ? <ResultsPanel report={shown.report} input={shown.input} active={active} onActive={setActive} /> : null}
      {invOpen ? (
        <InventoryBaseModal
          regionCode={file.regionCode} draft={draft} onClose={() => setInvOpen(false)}
          onApply={(input) => { change(input); setActive(input.scenarios[0]?.id ?? ''); setInvOpen(false); message.success(t('scenarios.inv.applied')); }}
        />
      ) : null}
      <RunModal
        open={runOpen} dirty={dirty} onClose={() => setRunOpen(false)} onRun={doRun}
        defaults={{ draws: draft.monteCarlo?.draws ?? 10_000, seed: draft.monteCarlo?.seed ?? 1 }}
      />
    </>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Form, Modal, Select, Spin, Table, Typography, Upload } from 'antd';
import { SaveOutlined, UploadOutlined } from '@ant-design/icons';
import type { InventoryListItem } from '../../../../../src/contracts/accounting.ts';
import type { RegionOut } from '../../../../../src/contracts/regions.ts';
import { ApiError, errorText, type Issue } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { usePermission } from '../../../app/permissions.ts';
import { useRegion } from '../../../app/region.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { accountingApi, type ImportResult, type XlsxUpload } from '../api.ts';
import { base64Of } from '../../../shared/files.ts';
import { exact, show } from '../format.ts';
import { cellOf, issueText } from '../labels.ts';

const MAX_MB = 10;
const SUMMARY = ['energyTotal', 'nonFossilShare', 'co2Combustion', 'co2Process', 'co2Indirect', 'co2WithIndirect', 'removals', 'energyIntensity', 'co2Intensity'] as const;

/**
 * 导入填报表: the filled Excel template (or a JSON balance) is read and computed by the server with the
 * chosen factor set — nothing stored — and either its issues come back, each naming sheet, row and column,
 * or the result, which the user then saves (office or district of the balance's region).
 */
export function ImportModal({ region, inventories, onClose, onStored }: { region: RegionOut; inventories: InventoryListItem[]; onClose(): void; onStored(id: number): void }) {
  const { t, lang } = useI18n();
  const { index } = useRegion();
  const permitted = usePermission();
  const sets = useLoad(() => accountingApi.factorSets(), []);
  const [setId, setSetId] = useState<number | undefined>(undefined);
  const [file, setFile] = useState<XlsxUpload | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'compute' | 'store' | null>(null);

  // Default set: the one the region's latest inventory used (so that years stay comparable), else the newest intact one.
  useEffect(() => {
    if (setId !== undefined || !sets.data) return;
    const intact = sets.data.filter((s) => s.intact).sort((a, b) => b.id - a.id);
    setSetId(intact.find((s) => s.id === inventories[0]?.factorSet.id)?.id ?? intact[0]?.id);
  }, [sets.data, setId, inventories]);

  const run = async (f: XlsxUpload, store: boolean, factorSetId = setId) => {
    setBusy(store ? 'store' : 'compute'); setError(null); setIssues([]);
    try {
      const out = await accountingApi.importWorkbook(f, factorSetId, store);
      if (store && out.stored) onStored(out.stored.id);
      else setResult(out);
    } catch (e) {
      setError(errorText(e, lang));
      if (!store) setResult(null);
      // Issues that name a sheet get their table; a refusal without a place (a duplicate) is the message alone.
      if (e instanceof ApiError && e.issues.some((i) => cellOf(i.field, i.zh).sheet)) setIssues(e.issues);
    } finally {
      setBusy(null);
    }
  };
  const pick = async (f: File) => {
    setResult(null); setIssues([]); setError(null);
    if (f.size > MAX_MB * 1024 * 1024) { setError(t('accounting.import.tooBig', { mb: MAX_MB })); return; }
    const up = { name: f.name, contentBase64: await base64Of(f) };
    setFile(up);
    await run(up, false);
  };

  const balanceRegion = (result?.balance as { region?: { code?: string; name?: string } } | undefined)?.region;
  const target = balanceRegion?.code ? index?.byCode.get(balanceRegion.code) : undefined;
  const canStore = !!target && permitted('inventory.write', { regionId: target.id });
  const s = result?.computed.summary;

  return (
    <Modal open width={980} title={t('accounting.import.title', { region: region.name })} onCancel={onClose} data-testid="import-modal"
      footer={[
        <Button key="c" onClick={onClose}>{t('common.close')}</Button>,
        ...(result && canStore ? [<Button key="s" type="primary" icon={<SaveOutlined />} loading={busy === 'store'} onClick={() => file && void run(file, true)} data-testid="import-save">{t('common.save')}</Button>] : []),
      ]}>
      <Typography.Paragraph type="secondary">{t('accounting.import.note')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('accounting.import.factorSet')}>
          <Select style={{ width: 300 }} value={setId} onChange={(v: number) => { setSetId(v); setResult(null); if (file) void run(file, false, v); }} loading={sets.loading} data-testid="import-set"
            options={(sets.data ?? []).map((x) => ({ value: x.id, disabled: !x.intact, label: `${x.name} v${x.version}${x.intact ? '' : ` · ${t('accounting.factors.intactNo')}`}` }))} />
        </Form.Item>
        <Form.Item>
          <Upload accept=".xlsx,.json" showUploadList={false} beforeUpload={(f) => { void pick(f); return false; }} disabled={setId === undefined}>
            <Button icon={<UploadOutlined />} loading={busy === 'compute'} data-testid="import-file">{file ? t('accounting.import.another') : t('accounting.import.pick')}</Button>
          </Upload>
        </Form.Item>
        {file ? <Form.Item><Typography.Text type="secondary">{file.name}</Typography.Text></Form.Item> : null}
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="import-error" /> : null}
      {issues.length ? (
        <Table<Issue> rowKey={(i, n) => `${i.field ?? ''}-${n}`} size="small" bordered dataSource={issues} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="import-issues"
          columns={[
            { title: t('accounting.import.sheet'), key: 'sheet', width: 120, render: (_v, i) => cellOf(i.field, i.zh).sheet ?? '—' },
            { title: t('accounting.import.row'), key: 'row', width: 70, align: 'center', render: (_v, i) => cellOf(i.field, i.zh).row ?? '—' },
            { title: t('accounting.import.column'), key: 'col', width: 70, align: 'center', render: (_v, i) => cellOf(i.field, i.zh).col ?? '—' },
            { title: t('accounting.import.message'), key: 'msg', render: (_v, i) => issueText(i[lang]) },
          ]} />
      ) : null}
      {busy === 'compute' ? <div className="st-center" style={{ minHeight: 120 }}><Spin /></div> : null}
      {result && s ? (
        <div data-testid="import-result">
          {!canStore ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('accounting.import.cannotStore', { region: balanceRegion?.name ?? balanceRegion?.code ?? '' })} /> : null}
          <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} title={t('accounting.import.computed', {
            region: balanceRegion?.name ?? '', year: (result.balance as { year?: number }).year ?? '', set: `${result.computed.factorSet.name} v${result.computed.factorSet.version}`,
          })} items={[
            ...SUMMARY.map((k) => ({ key: k, label: t(`accounting.figures.${k}`), children: <span title={exact(s[k].value, s[k].unit, lang)}>{show(s[k].value, s[k].unit, lang)}</span> })),
            { key: 'conv', label: t('accounting.inventory.conversion'), children: s.electricityConversion[lang] },
            { key: 'flags', label: t('accounting.inventory.flags'), children: s.qualityFlags },
          ]} />
        </div>
      ) : null}
    </Modal>
  );
}

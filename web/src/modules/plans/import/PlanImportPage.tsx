import { useState } from 'react';
import { Button, Card, Steps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { PlanMeta } from '../../../../../src/contracts/plan-draft.ts';
import type { PlanDraft } from '../../../../../src/core/plans/types.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useRegion } from '../../../app/region.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { indicatorsApi } from '../../indicators/api.ts';
import { plansApi } from '../api.ts';
import { ImportInput, type PickedFile } from './ImportInput.tsx';
import { ImportReview } from './ImportReview.tsx';
import { proposedMeta } from './review.ts';

/** 方案导入: paste the text or upload a file → the parser's draft (nothing saved) → review beside the source → save. */
export default function PlanImportPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { index, selected } = useRegion();
  const catalogue = useLoad(() => indicatorsApi.catalogue(), []);
  const [text, setText] = useState('');
  const [sourceName, setSourceName] = useState<string | null>(null);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [parsed, setParsed] = useState<{ draft: PlanDraft; meta: PlanMeta; text: string } | null>(null);

  const parse = async () => {
    if (!file && !text.trim()) { setError(t('planImport.empty')); return; }
    setBusy(true);
    setError(null);
    try {
      const draft = await plansApi.parse(file ? { file: { name: file.name, contentBase64: file.contentBase64 } } : { text });
      // Spans are offsets into the text the server read (a .docx or GBK file is decoded there).
      setParsed({ draft, text: draft.sourceText, meta: proposedMeta(draft, index, selected?.code, file?.name ?? sourceName) });
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('planImport.title')} extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/plans')}>{t('plans.back')}</Button>} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps size="small" current={parsed ? 1 : 0} items={[{ title: t('planImport.steps.input') }, { title: t('planImport.steps.review') }, { title: t('planImport.steps.saved') }]} />
      </Card>
      {parsed ? (
        <ImportReview draft={parsed.draft} text={parsed.text} initialMeta={parsed.meta} catalogue={catalogue.data ?? []} onRestart={() => setParsed(null)} />
      ) : (
        <ImportInput text={text} sourceName={sourceName} file={file} busy={busy} error={error}
          onText={(v, name) => { setText(v); setSourceName(name); }} onFile={(f) => { setFile(f); setError(null); }} onParse={() => void parse()} />
      )}
    </>
  );
}

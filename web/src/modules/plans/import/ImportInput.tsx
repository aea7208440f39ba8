import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Spin, Typography, Upload } from 'antd';
import { CloseOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/lang.tsx';
import { base64Of } from '../../../shared/files.ts';

/**
 * Step 1: the plan's text, pasted or uploaded. A UTF-8 .txt is read here into the text box (so a damaged
 * line can be seen, even corrected, before parsing); anything else (GBK text, Word .docx) is sent to the
 * server, which reads it and names the file when it cannot.
 */
export interface PickedFile { name: string; size: number; contentBase64: string }

const MAX_MB = 10;

async function utf8Of(file: File): Promise<string | null> {
  if (!/\.txt$/i.test(file.name) && file.type !== 'text/plain') return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

export function ImportInput(props: {
  text: string;
  sourceName: string | null;
  file: PickedFile | null;
  busy: boolean;
  error: string | null;
  onText(text: string, sourceName: string | null): void;
  onFile(file: PickedFile | null): void;
  onParse(): void;
}) {
  const { t } = useI18n();
  const [fileError, setFileError] = useState<string | null>(null);

  const pick = async (file: File) => {
    setFileError(null);
    if (file.size > MAX_MB * 1024 * 1024) { setFileError(t('planImport.fileTooBig', { mb: MAX_MB })); return; }
    const text = await utf8Of(file);
    if (text !== null) { props.onFile(null); props.onText(text, file.name); return; }
    props.onFile({ name: file.name, size: file.size, contentBase64: await base64Of(file) });
  };
  const ready = props.file ? true : !!props.text.trim();

  return (
    <Card title={t('planImport.paste')} data-testid="import-input"
      extra={(
        <Upload accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" showUploadList={false}
          beforeUpload={(f) => { void pick(f); return false; }}>
          <Button icon={<UploadOutlined />} data-testid="import-upload">{t('planImport.upload')}</Button>
        </Upload>
      )}>
      {fileError ? <Alert type="error" showIcon title={fileError} style={{ marginBottom: 12 }} /> : null}
      {props.sourceName && !props.file ? <Alert type="info" showIcon icon={<FileTextOutlined />} title={t('planImport.fileLoaded', { name: props.sourceName })} style={{ marginBottom: 12 }} data-testid="import-file" /> : null}
      {props.error ? <Alert type="error" showIcon title={props.error} style={{ marginBottom: 12 }} data-testid="import-error" /> : null}
      <Spin spinning={props.busy} tip={t('planImport.parsing')}>
        {props.file ? (
          <Alert type="info" showIcon icon={<FileTextOutlined />} data-testid="import-file"
            title={t('planImport.fileChosen', { name: props.file.name, kb: Math.max(1, Math.round(props.file.size / 1024)) })}
            description={t('planImport.fileHint')}
            action={<Button size="small" icon={<CloseOutlined />} onClick={() => props.onFile(null)}>{t('planImport.fileClear')}</Button>} />
        ) : (
          <Input.TextArea
            value={props.text}
            onChange={(e) => props.onText(e.target.value, props.sourceName)}
            placeholder={t('planImport.pastePlaceholder')}
            autoSize={{ minRows: 16, maxRows: 28 }}
            style={{ fontFamily: "'Songti SC', 'SimSun', serif" }}
            data-testid="import-text"
          />
        )}
      </Spin>
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{props.file ? '' : `${t('planImport.chars', { count: props.text.length })} · `}{t('planImport.parseHint')}</Typography.Text>
        <Button type="primary" loading={props.busy} disabled={!ready} onClick={props.onParse} data-testid="import-parse">{t('planImport.parse')}</Button>
      </Space>
    </Card>
  );
}

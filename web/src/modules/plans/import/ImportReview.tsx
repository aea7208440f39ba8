import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, List, Row, Space, Tag, Typography } from 'antd';
import { CheckOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { PlanMeta } from '../../../../../src/contracts/plan-draft.ts';
import { PlanImport, type IndicatorOut } from '../../../../../src/contracts/plans.ts';
import type { PlanDraft } from '../../../../../src/core/plans/types.ts';
import { ApiError } from '../../../app/api.ts';
import { applyApiError, blankToNull, check, showFieldErrors } from '../../../app/forms.ts';
import { useI18n } from '../../../app/lang.tsx';
import { plansApi } from '../api.ts';
import { indicatorNameOf } from '../labels.ts';
import { SourceText, type SourceMark } from '../SourceText.tsx';
import { TargetEditModal } from '../TargetEditModal.tsx';
import { DraftTargets } from './DraftTargets.tsx';
import { META_FIELDS, MetaForm } from './MetaForm.tsx';
import { acceptRest, applyEdit, decide, draftTargets, editableFields, importBody, targetIssues, type ImportTarget } from './review.ts';

/**
 * Step 2: the draft beside its source. The reviewer corrects the plan's particulars, reads the parser's
 * notes (garbled lines included), accepts, edits or rejects each target, and saves. Whatever the schema
 * or the server refuses lands on the field or the target it names.
 */
export function ImportReview(props: { draft: PlanDraft; text: string; initialMeta: PlanMeta; catalogue: IndicatorOut[]; onRestart(): void }) {
  const { draft, text } = props;
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanMeta>();
  const [rows, setRows] = useState<ImportTarget[]>(() => draftTargets(draft, text));
  const [editing, setEditing] = useState<number | null>(null);
  const [focus, setFocus] = useState<{ id: string; nonce: number } | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [rowErrors, setRowErrors] = useState<Map<number, string[]>>(new Map());
  const [busy, setBusy] = useState(false);
  const byCode = useMemo(() => new Map(props.catalogue.map((i) => [i.code, i])), [props.catalogue]);

  const meta = (): PlanMeta => {
    const v = form.getFieldsValue(true) as PlanMeta;
    return { ...v, docNumber: blankToNull(v.docNumber), issuer: blankToNull(v.issuer), sourceName: blankToNull(v.sourceName), title: (v.title ?? '').trim() };
  };
  const body = () => importBody(draft, meta(), text, rows);

  const marks = useMemo<SourceMark[]>(() => [
    ...draft.warnings.filter((w) => w.span).map((w, i) => ({ id: `w${i}`, start: w.span!.start, end: w.span!.end, tone: 'warning' as const, title: lang === 'zh' ? w.zh : w.en })),
    ...rows.flatMap((r, i) => (r.span ? [{
      id: `t${i}`, start: r.span.start, end: r.span.end,
      tone: r.reviewStatus === 'rejected' ? 'rejected' as const : r.reviewStatus === 'draft' ? 'target' as const : 'green' as const,
      title: `${i + 1}. ${indicatorNameOf({ indicatorCode: r.indicatorCode ?? null, indicatorName: r.indicatorName }, byCode, lang)}`,
    }] : [])),
  ], [draft.warnings, rows, byCode, lang]);

  const pending = rows.filter((r) => r.reviewStatus === 'draft').length;

  const save = async () => {
    setGeneral([]);
    setRowErrors(new Map());
    try {
      await form.validateFields();
    } catch (e) {
      const fields = (e as { errorFields?: Array<{ name: (string | number)[] }> }).errorFields ?? [];
      if (fields.length) form.scrollToField(fields[0].name, { block: 'center' });
      setGeneral([t('common.formHasErrors', { count: fields.length })]);
      return;
    }
    const r = check(PlanImport, body(), lang);
    if (!r.ok) {
      showFieldErrors(form, r.fields.filter((f) => (META_FIELDS as readonly unknown[]).includes(f.name[0])));
      setRowErrors(targetIssues(r.fields.flatMap((f) => f.errors.map((m) => ({ field: f.name.join('.'), zh: m, en: m }))), lang));
      setGeneral([...r.general, ...(r.fields.some((f) => f.name[0] === 'targets') ? [t('common.formHasErrors', { count: r.fields.length })] : [])]);
      return;
    }
    setBusy(true);
    try {
      const saved = await plansApi.create(r.data);
      message.success(t('planImport.saved'));
      navigate(`/plans/${saved.id}`);
    } catch (e) {
      const rest = applyApiError(form, e, lang, META_FIELDS);
      if (e instanceof ApiError) {
        const perRow = targetIssues(e.issues.length ? e.issues : [{ field: e.field, zh: e.zh, en: e.en }], lang);
        setRowErrors(perRow);
        const rowMsgs = new Set([...perRow.values()].flat());
        setGeneral(rest.filter((m) => !rowMsgs.has(m)).concat([...perRow].map(([i, ms]) => t('planImport.targetHasErrors', { n: i + 1, msg: ms.join('；') }))));
      } else setGeneral(rest);
    } finally {
      setBusy(false);
    }
  };

  const editRow = editing != null ? rows[editing] : null;
  return (
    <Row gutter={12}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('planImport.meta')} style={{ marginBottom: 12 }}>
          {draft.script === 'traditional' ? <Alert type="info" showIcon title={t('planImport.traditional')} style={{ marginBottom: 12 }} /> : null}
          <MetaForm form={form} initial={props.initialMeta} regionAsWritten={draft.region} body={body} />
        </Card>
        <Card size="small" style={{ marginBottom: 12 }} data-testid="import-warnings"
          title={<span><WarningOutlined style={{ color: draft.warnings.length ? '#d48806' : '#8c8c8c', marginRight: 6 }} />{t('planImport.warnings', { count: draft.warnings.length })}</span>}
          extra={<Typography.Text type="secondary">{t('planImport.structure', { actions: draft.actions.length, tasks: draft.tasks.length })}</Typography.Text>}>
          {draft.warnings.length ? (
            <List size="small" dataSource={draft.warnings.map((w, i) => ({ ...w, i }))} style={{ maxHeight: 220, overflow: 'auto' }}
              renderItem={(w) => (
                <List.Item style={{ cursor: w.span ? 'pointer' : undefined }} onClick={() => w.span && setFocus({ id: `w${w.i}`, nonce: Date.now() })}>
                  <Space size={6} align="start">
                    <Tag color={w.severity === 'warning' ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }}>{w.line ? t('plans.line', { line: w.line }) : w.code}</Tag>
                    <span>{lang === 'zh' ? w.zh : w.en}{w.excerpt ? <code style={{ marginLeft: 6, color: '#8c8c8c' }}>{w.excerpt}</code> : null}</span>
                  </Space>
                </List.Item>
              )} />
          ) : <Typography.Text type="secondary">{t('planImport.noWarnings')}</Typography.Text>}
        </Card>
        <Card size="small" title={t('planImport.draftTargets', { count: rows.length })}
          extra={<Button size="small" icon={<CheckOutlined />} disabled={!pending} onClick={() => setRows(acceptRest)} data-testid="accept-rest">{t('planImport.acceptAll')}</Button>}>
          {rows.length ? (
            <Alert type={pending ? 'warning' : 'success'} showIcon style={{ marginBottom: 8 }}
              title={pending ? t('planImport.pending', { count: pending }) : t('planImport.allReviewed')} />
          ) : null}
          <DraftTargets rows={rows} catalogue={byCode} errors={rowErrors}
            onLocate={(i) => setFocus({ id: `t${i}`, nonce: Date.now() })}
            onDecide={(i, d) => setRows((rs) => decide(rs, i, d))}
            onEdit={setEditing} />
        </Card>
        {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginTop: 12 }} data-testid="import-save-error" /> : null}
        <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={props.onRestart}>{t('planImport.restart')}</Button>
          <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} data-testid="import-save">{t('planImport.save')}</Button>
        </Space>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('plans.tabs.source')} style={{ position: 'sticky', top: 72 }}>
          <SourceText text={text} marks={marks} focus={focus} testId="import-source"
            onMarkClick={(id) => setFocus({ id, nonce: Date.now() })} />
        </Card>
      </Col>
      {editRow ? (
        <TargetEditModal
          title={t('plans.labelled', { label: t('plans.editTarget'), value: editRow.indicatorName })}
          quote={editRow.quoteOriginal || editRow.quote}
          initial={editableFields(editRow)}
          catalogue={props.catalogue}
          onSubmit={async (patch) => { setRows((rs) => applyEdit(rs, editing!, patch)); setEditing(null); }}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Row>
  );
}

import { useMemo } from 'react';
import { Button, Col, Flex, Form, Row, Select, TreeSelect, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { OrganisationOut } from '../../../../src/contracts/organisations.ts';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';
import { ROLES, roleLabel, kindLabel } from '../../shared/labels.ts';
import { regionTreeData } from '../../shared/regions.ts';
import { grantProblem, orgKindsFor, showsOrganisation, showsRegion, type GrantRow } from './grants.ts';

/** The role grants of a user: role + region (tree select) + organisation (searchable select), one row each. */
export function GrantsEditor({ form, orgs }: { form: FormInstance; orgs: OrganisationOut[] }) {
  const { t, nameOf } = useI18n();
  const { index } = useRegion();
  const treeData = useMemo(() => (index ? regionTreeData(index, nameOf) : []), [index, nameOf]);
  const rows = (Form.useWatch('roles', form) ?? []) as GrantRow[];

  const scopeRule = (i: number, what: 'region' | 'organisation') => ({
    validator: async () => {
      const g = (form.getFieldValue(['roles', i]) ?? {}) as GrantRow;
      if (grantProblem(g, index, orgs) === what) throw new Error(t(what === 'region' ? 'users.grantNeedsRegion' : 'users.grantNeedsOrganisation'));
    },
  });

  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 ? <Typography.Paragraph type="secondary">{t('users.noGrants')}</Typography.Paragraph> : null}
          {fields.map((f) => {
            const role = rows[f.name]?.role;
            const orgOptions = orgs
              .filter((o) => orgKindsFor(role).includes(o.kind))
              .map((o) => ({ value: o.id, label: `${nameOf(o)}（${kindLabel(t, o.kind)}）` }));
            return (
              <Row key={f.key} gutter={8} align="top" data-testid="grant-row">
                <Col span={6}>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('common.selectPlaceholder') }]}>
                    <Select placeholder={t('users.role')} options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
                      onChange={() => void form.validateFields([['roles', f.name, 'regionCode'], ['roles', f.name, 'organisationId']]).catch(() => undefined)} />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Flex gap={8}>
                    {showsRegion(role) ? (
                      <Form.Item name={[f.name, 'regionCode']} rules={[scopeRule(f.name, 'region')]} style={{ flex: 1, minWidth: 0 }}>
                        <TreeSelect allowClear treeData={treeData} showSearch={{ treeNodeFilterProp: 'title' }} placeholder={t('users.grantRegion')} />
                      </Form.Item>
                    ) : null}
                    {showsOrganisation(role) ? (
                      <Form.Item name={[f.name, 'organisationId']} rules={[scopeRule(f.name, 'organisation')]} style={{ flex: 1, minWidth: 0 }}>
                        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={orgOptions} placeholder={t('users.grantOrganisation')} />
                      </Form.Item>
                    ) : null}
                  </Flex>
                </Col>
                <Col span={2}>
                  <Button type="text" danger icon={<DeleteOutlined />} title={t('users.removeGrant')} aria-label={t('users.removeGrant')} onClick={() => remove(f.name)} />
                </Col>
              </Row>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>{t('users.addGrant')}</Button>
        </>
      )}
    </Form.List>
  );
}

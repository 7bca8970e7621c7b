import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import {
  ITEM_TYPES,
  type CandidatePaper,
  type IpcOutput,
  type ItemType,
  type StandardSummaryView,
  type TheoryLevelCode,
} from '@skillexam/shared';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { bank, downloadBase64, errorMessage } from './author-api';
import {
  addSection,
  freeAllocation,
  itemCount,
  removeSection,
  setRangeBound,
  updateSection,
  type EditableBlueprint,
} from './blueprint-edit';
import { BodyView } from './ItemPreview';

type Check = IpcOutput<'bank:checkBlueprint'>;
type Assembled = IpcOutput<'bank:assemble'>;
type Draft = IpcOutput<'bank:draftBlueprint'>;
type Weight = Draft['weights'][number];

/** 组卷: blueprint editor with a live feasibility check, assembly, preview, PDFs and packages. */
export function PaperWorkbench({ standard }: { readonly standard?: StandardSummaryView }) {
  const { t, locale } = useI18n();
  const [level, setLevel] = useState<TheoryLevelCode>();
  const [draft, setDraft] = useState<Draft>();
  const [blueprint, setBlueprint] = useState<EditableBlueprint>();
  const [weights, setWeights] = useState<Weight[]>([]);
  const [check, setCheck] = useState<Check>();
  const [forms, setForms] = useState(1);
  const [seed, setSeed] = useState(1);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Assembled>();
  const [preview, setPreview] = useState<CandidatePaper>();
  const [error, setError] = useState<string>();
  const siteKeyInput = useRef<HTMLInputElement>(null);
  const [packaging, setPackaging] = useState<string>();

  useEffect(() => {
    if (standard === undefined) return;
    const chosen = level ?? standard.levels[0];
    if (chosen === undefined) return;
    bank('bank:draftBlueprint', { standardId: standard.id, level: chosen }).then(
      (drafted) => {
        setDraft(drafted);
        setBlueprint(drafted.blueprint as EditableBlueprint);
        setWeights(drafted.weights);
        setResult(undefined);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [standard, level]);

  useEffect(() => {
    if (blueprint === undefined) return undefined;
    const timer = setTimeout(() => {
      bank('bank:checkBlueprint', { blueprint, forms }).then(setCheck, (e: unknown) =>
        setError(errorMessage(e)),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [blueprint, forms]);

  if (standard === undefined) return <Empty description={t('author.standards.empty')} />;
  if (blueprint === undefined) return <Card loading />;

  const assemble = async () => {
    setRunning(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await bank('bank:assemble', { blueprint, seed, forms }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  const download = async (paperId: string, kind: 'paper' | 'key') => {
    try {
      const file = await bank('bank:paperPdf', { paperId, kind });
      downloadBase64(file.fileName, file.data, 'application/pdf');
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const exportPackage = async (paperId: string, siteKey: File | undefined) => {
    if (siteKey === undefined) return;
    try {
      const file = await bank('bank:exportPackage', {
        paperId,
        sitePublicKeyPem: await siteKey.text(),
      });
      downloadBase64(file.fileName, file.data);
      void message.success(t('author.paper.packaged', { file: file.fileName }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const overrides = blueprint.rangeAllocation?.overrides ?? {};
  // How the page's starting blueprint was made; shown until the first edit.
  const draftNote =
    draft === undefined || draft.blueprint !== blueprint
      ? undefined
      : (() => {
          const levelName = t(`level.${blueprint.level}`);
          if (!draft.feasible) return t('author.paper.draftInfeasible', { level: levelName });
          if (draft.relaxed.length === 0)
            return t('author.paper.draftFeasible', { level: levelName });
          const relaxed = draft.relaxed
            .map((r) =>
              t(`author.paper.relaxed.${r.kind}`, {
                value:
                  r.kind === 'difficultyTolerance'
                    ? Math.round(r.value * 100)
                    : 'value' in r
                      ? r.value
                      : '',
              }),
            )
            .join(locale === 'zh-CN' ? '、' : ', ');
          return t('author.paper.draftRelaxed', { level: levelName, relaxed });
        })();
  const feasible = check !== undefined && check.valid && check.problems.length === 0;

  return (
    <Row gutter={16} data-testid="paper-workbench">
      <Col span={13}>
        <Card size="small" title={t('author.paper.blueprint')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {draftNote !== undefined && draft !== undefined && (
              <Alert
                type={draft.feasible ? 'info' : 'warning'}
                showIcon
                message={draftNote}
                data-testid="draft-note"
              />
            )}
            <Space wrap>
              <Select<TheoryLevelCode>
                value={blueprint.level}
                style={{ width: 160 }}
                onChange={setLevel}
                options={standard.levels.map((l) => ({ value: l, label: t(`level.${l}`) }))}
              />
              <Input
                style={{ width: 360 }}
                value={blueprint.title}
                onChange={(e) => setBlueprint({ ...blueprint, title: e.target.value })}
              />
            </Space>
            <Space wrap>
              <span>{t('author.paper.duration')}</span>
              <InputNumber
                min={1}
                max={600}
                value={blueprint.durationMinutes}
                onChange={(v) => setBlueprint({ ...blueprint, durationMinutes: v ?? 90 })}
              />
              <span>{t('author.paper.fullMarks')}</span>
              <Tag data-testid="full-marks">{blueprint.fullMarks}</Tag>
              <span>{t('author.paper.passMark')}</span>
              <InputNumber
                min={0}
                max={blueprint.fullMarks}
                value={blueprint.passMark ?? 60}
                onChange={(v) => setBlueprint({ ...blueprint, passMark: v ?? 60 })}
              />
              <span>{t('author.paper.maxPerPoint')}</span>
              <InputNumber
                min={1}
                max={20}
                value={blueprint.maxItemsPerPoint ?? 1}
                onChange={(v) => setBlueprint({ ...blueprint, maxItemsPerPoint: v ?? 1 })}
              />
            </Space>
            <Table
              size="small"
              pagination={false}
              rowKey="itemType"
              dataSource={blueprint.sections}
              data-testid="blueprint-sections"
              columns={[
                {
                  title: t('author.list.type'),
                  dataIndex: 'itemType',
                  render: (type: ItemType, _s, index) => (
                    <Select<ItemType>
                      value={type}
                      style={{ width: 110 }}
                      onChange={(itemType) =>
                        setBlueprint(updateSection(blueprint, index, { itemType }))
                      }
                      options={ITEM_TYPES.map((v) => ({ value: v, label: t(`itemType.${v}`) }))}
                    />
                  ),
                },
                {
                  title: t('author.paper.count'),
                  dataIndex: 'count',
                  render: (count: number, _s, index) => (
                    <InputNumber
                      min={1}
                      max={1000}
                      value={count}
                      data-testid={`section-count-${index}`}
                      onChange={(v) =>
                        setBlueprint(updateSection(blueprint, index, { count: v ?? 1 }))
                      }
                    />
                  ),
                },
                {
                  title: t('author.paper.pointsEach'),
                  dataIndex: 'pointsEach',
                  render: (points: number, _s, index) => (
                    <InputNumber
                      min={0.5}
                      step={0.5}
                      value={points}
                      data-testid={`section-points-${index}`}
                      onChange={(v) =>
                        setBlueprint(updateSection(blueprint, index, { pointsEach: v ?? 1 }))
                      }
                    />
                  ),
                },
                {
                  title: '',
                  width: 48,
                  render: (_v, _s, index) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={blueprint.sections.length <= 1}
                      onClick={() => setBlueprint(removeSection(blueprint, index))}
                      data-testid={`section-remove-${index}`}
                      aria-label={t('author.paper.removeSection')}
                    />
                  ),
                },
              ]}
            />
            <Space wrap>
              {ITEM_TYPES.filter(
                (type) => !blueprint.sections.some((s) => s.itemType === type),
              ).map((type) => (
                <Button
                  key={type}
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setBlueprint(addSection(blueprint, type))}
                >
                  {t(`itemType.${type}`)}
                </Button>
              ))}
            </Space>
            <Space wrap>
              <span>{t('author.paper.xShare')}</span>
              <InputNumber
                min={0}
                max={100}
                value={Math.round((blueprint.importance?.X?.minShare ?? 0) * 100)}
                onChange={(v) =>
                  setBlueprint({
                    ...blueprint,
                    importance: (v ?? 0) === 0 ? {} : { X: { minShare: (v ?? 0) / 100 } },
                  })
                }
                addonAfter="%"
                data-testid="x-share"
              />
              <span>{t('author.paper.difficultyMix')}</span>
              <Switch
                checked={blueprint.difficulty !== undefined}
                data-testid="difficulty-mix"
                onChange={(on) => {
                  const { difficulty: _omit, ...rest } = blueprint;
                  void _omit;
                  setBlueprint(
                    on
                      ? {
                          ...rest,
                          difficulty: {
                            kind: 'mix',
                            easy: 0.2,
                            medium: 0.7,
                            hard: 0.1,
                            tolerance: 0.1,
                          },
                        }
                      : rest,
                  );
                }}
              />
            </Space>
            <Typography.Text strong>{t('author.paper.ranges')}</Typography.Text>
            <Space>
              <Button
                size="small"
                onClick={() =>
                  setBlueprint(
                    freeAllocation(
                      blueprint,
                      weights.map((w) => w.path),
                    ),
                  )
                }
                data-testid="free-allocation"
              >
                {t('author.paper.free')}
              </Button>
              <Button
                size="small"
                onClick={() =>
                  setBlueprint({
                    ...blueprint,
                    rangeAllocation: { bySection: false, overrides: {} },
                  })
                }
              >
                {t('author.paper.byWeights')}
              </Button>
            </Space>
            <Table
              size="small"
              pagination={false}
              rowKey="path"
              dataSource={weights}
              columns={[
                {
                  title: t('author.paper.range'),
                  render: (_v, w: Weight) => `${w.path} ${w.name}`,
                },
                {
                  title: t('author.paper.weight'),
                  dataIndex: 'weight',
                  width: 70,
                  render: (v: number) => `${v}%`,
                },
                {
                  title: t('author.paper.min'),
                  width: 90,
                  render: (_v, w: Weight) => (
                    <InputNumber
                      size="small"
                      min={0}
                      value={overrides[w.path]?.min ?? null}
                      onChange={(v) =>
                        setBlueprint(
                          setRangeBound(blueprint, w.path, {
                            ...(v === null ? {} : { min: v }),
                            ...(overrides[w.path]?.max === undefined
                              ? {}
                              : { max: overrides[w.path]?.max }),
                          }),
                        )
                      }
                    />
                  ),
                },
                {
                  title: t('author.paper.max'),
                  width: 90,
                  render: (_v, w: Weight) => (
                    <InputNumber
                      size="small"
                      min={0}
                      value={overrides[w.path]?.max ?? null}
                      onChange={(v) =>
                        setBlueprint(
                          setRangeBound(blueprint, w.path, {
                            ...(overrides[w.path]?.min === undefined
                              ? {}
                              : { min: overrides[w.path]?.min }),
                            ...(v === null ? {} : { max: v }),
                          }),
                        )
                      }
                    />
                  ),
                },
              ]}
            />
            <Collapse
              size="small"
              items={[
                {
                  key: 'json',
                  label: t('author.paper.json'),
                  children: <pre className="author-json">{JSON.stringify(blueprint, null, 2)}</pre>,
                },
              ]}
            />
          </Space>
        </Card>
      </Col>
      <Col span={11}>
        <Card size="small" title={t('author.paper.feasibility')} data-testid="feasibility">
          {check === undefined ? (
            <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
          ) : !check.valid ? (
            <Alert
              type="error"
              showIcon
              message={t('author.paper.invalid')}
              description={
                <ul>
                  {check.issues.map((i) => (
                    <li key={i}>{i}</li>
                  ))}
                </ul>
              }
            />
          ) : check.problems.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              message={t('author.paper.infeasible', {
                need: check.itemCount,
                eligible: check.eligible,
              })}
              description={
                <ul>
                  {check.problems.map((p) => (
                    <li key={p.message}>{p.message}</li>
                  ))}
                </ul>
              }
            />
          ) : (
            <Alert
              type="success"
              showIcon
              message={t('author.paper.feasible', {
                need: check.itemCount,
                eligible: check.eligible,
              })}
              data-testid="feasible"
            />
          )}
        </Card>
        <Card size="small" title={t('author.paper.assembly')} style={{ marginTop: 16 }}>
          <Space wrap>
            <span>{t('author.paper.forms')}</span>
            <InputNumber min={1} max={26} value={forms} onChange={(v) => setForms(v ?? 1)} />
            <span>{t('author.paper.seed')}</span>
            <InputNumber min={0} value={seed} onChange={(v) => setSeed(v ?? 1)} />
            <Button
              type="primary"
              loading={running}
              disabled={!feasible}
              onClick={() => void assemble()}
              data-testid="assemble"
            >
              {t('author.paper.assemble', { count: itemCount(blueprint) })}
            </Button>
          </Space>
          {running && (
            <Progress
              percent={100}
              status="active"
              showInfo={false}
              data-testid="assembly-progress"
            />
          )}
          {error !== undefined && (
            <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />
          )}
          {result !== undefined && !result.ok && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              message={t('author.paper.failed')}
              description={
                <ul>
                  {result.problems.map((p) => (
                    <li key={p.message}>{p.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          {result?.ok === true &&
            result.forms.map((form) => (
              <Card
                key={form.paperId}
                size="small"
                type="inner"
                style={{ marginTop: 12 }}
                data-testid="assembled-form"
                title={`${form.label}卷 · ${form.paperId}`}
                extra={
                  <Tag color={form.checks.every((c) => c.ok) ? 'green' : 'red'}>
                    {form.checks.every((c) => c.ok)
                      ? t('author.paper.allSatisfied')
                      : t('author.paper.notSatisfied')}
                  </Tag>
                }
              >
                <Typography.Paragraph type="secondary">
                  {t('author.paper.summary', {
                    items: form.items,
                    p: form.meanP.toFixed(3),
                    ms: Math.round(form.solver.timeMs),
                    solver: `${form.solver.solver} ${form.solver.status}`,
                  })}
                </Typography.Paragraph>
                <List
                  size="small"
                  dataSource={form.checks}
                  renderItem={(c) => (
                    <List.Item>
                      <span>
                        {c.ok ? '✓' : '✗'} {c.label}：{c.actual}（{t('author.paper.required')}{' '}
                        {c.required}）
                      </span>
                    </List.Item>
                  )}
                />
                <Space wrap style={{ marginTop: 8 }}>
                  <Button
                    icon={<EyeOutlined />}
                    onClick={() =>
                      void bank('bank:paperPreview', { paperId: form.paperId }).then(
                        setPreview,
                        (e: unknown) => void message.error(errorMessage(e)),
                      )
                    }
                    data-testid="paper-preview"
                  >
                    {t('author.paper.preview')}
                  </Button>
                  <Button
                    icon={<DownloadOutlined />}
                    onClick={() => void download(form.paperId, 'paper')}
                    data-testid="paper-pdf"
                  >
                    {t('author.paper.pdf')}
                  </Button>
                  <Button
                    icon={<DownloadOutlined />}
                    onClick={() => void download(form.paperId, 'key')}
                  >
                    {t('author.paper.keyPdf')}
                  </Button>
                  <Button
                    type="primary"
                    icon={<SafetyCertificateOutlined />}
                    onClick={() => {
                      setPackaging(form.paperId);
                      siteKeyInput.current?.click();
                    }}
                    data-testid="export-package"
                  >
                    {t('author.paper.package')}
                  </Button>
                </Space>
              </Card>
            ))}
          <input
            ref={siteKeyInput}
            type="file"
            accept=".pem,.pub,.txt"
            style={{ display: 'none' }}
            data-testid="site-key-file"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              event.target.value = '';
              if (packaging !== undefined) void exportPackage(packaging, chosen);
            }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('author.paper.packageHelp')}{' '}
            <Button
              size="small"
              type="link"
              data-testid="signing-key"
              onClick={() =>
                void bank('bank:signingKey', {}).then(
                  (key) =>
                    downloadBase64(
                      'signing.pub.pem',
                      btoa(key.publicKeyPem),
                      'application/x-pem-file',
                    ),
                  (e: unknown) => void message.error(errorMessage(e)),
                )
              }
            >
              {t('author.paper.signingKey')}
            </Button>
          </Typography.Paragraph>
        </Card>
      </Col>
      <Modal
        open={preview !== undefined}
        width={860}
        footer={null}
        onCancel={() => setPreview(undefined)}
        title={preview?.title}
        destroyOnHidden
      >
        {preview !== undefined && (
          <div className="author-paper-preview" data-testid="paper-preview-body">
            <Typography.Paragraph type="secondary">
              {t('author.paper.previewInfo', {
                minutes: preview.durationMinutes,
                marks: preview.fullMarks,
              })}
            </Typography.Paragraph>
            {preview.sections.map((section) => (
              <div key={section.title}>
                <Typography.Title level={5}>{section.title}</Typography.Title>
                {section.items.map((item) => (
                  <div key={item.itemId} className="author-paper-item">
                    <b>{item.number}.</b>
                    <div>
                      <BodyView body={item.stem} />
                      {'options' in item &&
                        item.options.map((option) => (
                          <div key={option.id} className="author-preview-option">
                            <b>{option.id}.</b>
                            <BodyView body={option.content} />
                          </div>
                        ))}
                    </div>
                  </div>
                ))}
              </div>
            ))}
          </div>
        )}
      </Modal>
    </Row>
  );
}
